#include "backups/previewtables.h"

#include "common/attributeformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QStandardItemModel>

namespace dd::ui {

namespace {

// The translation context of this file's texts.
struct PreviewTables {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::PreviewTables)
};

QStandardItem *cell(const QJsonObject &attribute)
{
    auto *item = new QStandardItem(attribute.isEmpty() ? QString() : format::summary(attribute));
    item->setEditable(false);
    if (!attribute.isEmpty())
        item->setToolTip(format::plainText(attribute));
    return item;
}

QJsonObject asMap(const QJsonObject &item)
{
    return item.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("M"), item}};
}

} // namespace

void fillItemsModel(QStandardItemModel *model, const QJsonArray &items, const TableKeys &keys)
{
    model->clear();
    QStringList columns = keys.names();
    QHash<QString, int> index;
    for (int i = 0; i < columns.size(); ++i)
        index.insert(columns[i], i);
    for (const auto &v : items)
        for (const QString &name : v.toObject().keys())
            if (!index.contains(name)) {
                index.insert(name, int(columns.size()));
                columns << name;
            }
    model->setColumnCount(int(columns.size()));
    model->setHorizontalHeaderLabels(columns);
    for (const auto &v : items) {
        const QJsonObject item = v.toObject();
        QList<QStandardItem *> row;
        for (const QString &name : columns)
            row << cell(item.value(name).toObject());
        model->appendRow(row);
    }
}

void fillDifferencesModel(QStandardItemModel *model, const QJsonArray &differences, const TableKeys &keys)
{
    model->clear();
    model->setHorizontalHeaderLabels({PreviewTables::tr("Key"), PreviewTables::tr("Change since then"), PreviewTables::tr("Then"), PreviewTables::tr("Now")});
    for (const auto &v : differences) {
        const QJsonObject d = v.toObject();
        const QJsonObject key = d.value(QStringLiteral("Key")).toObject();
        QStringList keyText;
        for (const QString &name : keys.names())
            keyText << QStringLiteral("%1 = %2").arg(name, format::summary(key.value(name).toObject(), 60));
        auto *keyCell = new QStandardItem(keyText.join(QStringLiteral(", ")));
        keyCell->setEditable(false);
        const bool then = d.contains(QStringLiteral("Then")), now = d.contains(QStringLiteral("Now"));
        auto *change = new QStandardItem(then && now ? PreviewTables::tr("Modified") : then ? PreviewTables::tr("Deleted") : PreviewTables::tr("Created"));
        change->setEditable(false);
        change->setToolTip(then && now ? PreviewTables::tr("The item exists then and now, with other values")
                           : then      ? PreviewTables::tr("The item existed then and has been deleted since: a restore brings it back")
                                       : PreviewTables::tr("The item was created since then: the restored table does not have it"));
        model->appendRow({keyCell, change, cell(asMap(d.value(QStringLiteral("Then")).toObject())),
                          cell(asMap(d.value(QStringLiteral("Now")).toObject()))});
    }
}

} // namespace dd::ui
