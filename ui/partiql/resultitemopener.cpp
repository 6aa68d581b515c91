#include "partiql/resultitemopener.h"

#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "items/itemeditor.h"
#include "partiql/partiqlresultmodel.h"

namespace dd::ui {

ResultItemOpener::ResultItemOpener(Connection *connection, PartiqlResultModel *model, QWidget *dialogParent)
    : QObject(dialogParent), m_connection(connection), m_model(model), m_dialogParent(dialogParent)
{
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { ++m_generation; });
    connect(&m_watcher, &QFutureWatcher<Read>::finished, this, &ResultItemOpener::onRead);
}

ResultItemOpener::~ResultItemOpener()
{
    stopWatcher(m_watcher);
}

bool ResultItemOpener::open(int row, const QString &table, const TableKeys &keys, QString *error)
{
    if (isReading())
        return false;
    const QJsonObject key = keys.keyOf(m_model->item(row));
    if (keys.partition.isEmpty() || key.size() < keys.names().size()) {
        *error = tr("This row lacks the key of %1 (%2): select the key attributes to open the item")
                     .arg(table, keys.names().join(QStringLiteral(", ")));
        return false;
    }
    const quint64 generation = m_generation;
    const QJsonObject request{{QStringLiteral("TableName"), table}, {QStringLiteral("Key"), key}, {QStringLiteral("ConsistentRead"), true}};
    m_watcher.setFuture(m_connection->call(QStringLiteral("GetItem"), request)
                            .then(QtFuture::Launch::Sync, [table, keys, generation](client::ApiResponse r) {
                                return Read{std::move(r), table, keys, generation};
                            }));
    return true;
}

void ResultItemOpener::onRead()
{
    if (m_watcher.future().resultCount() == 0)
        return;
    const Read read = m_watcher.result();
    if (!read.response.ok()) {
        emit failed(errorText(read.response));
        return;
    }
    const QJsonObject item = read.response.body.value(QStringLiteral("Item")).toObject();
    if (item.isEmpty()) {
        emit failed(tr("The item is no longer in %1").arg(read.table));
        return;
    }
    const quint64 generation = read.generation;
    const int at = generation == m_generation ? m_model->rowOfKey(read.keys.keyOf(item)) : -1;
    const QJsonObject shown = at >= 0 ? m_model->item(at) : item;
    const bool whole = shown == item;
    const QStringList names = shown.keys();
    const TableKeys keys = read.keys;
    auto *editor = new ItemEditor(m_connection, read.table, keys, ItemEditor::Mode::Edit, item, m_dialogParent);
    connect(editor, &ItemEditor::itemSaved, this, [this, generation, keys, whole, names](const QJsonObject &saved) {
        const int row = generation == m_generation ? m_model->rowOfKey(keys.keyOf(saved)) : -1;
        if (row < 0)
            return;
        QJsonObject shownNow;
        for (const QString &name : names)
            if (saved.contains(name))
                shownNow.insert(name, saved.value(name));
        m_model->setItem(row, whole ? saved : shownNow);
    });
    connect(editor, &ItemEditor::itemDeleted, this, [this, generation](const QJsonObject &key) {
        if (const int row = generation == m_generation ? m_model->rowOfKey(key) : -1; row >= 0)
            m_model->removeItem(row);
    });
    editor->show();
}

} // namespace dd::ui
