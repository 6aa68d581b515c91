#include "insights/contributorsmodel.h"

#include "insights/contributorchart.h"

#include <QJsonDocument>
#include <QLocale>

namespace dd::ui {

ContributorsModel::ContributorsModel(QObject *parent) : QStandardItemModel(0, 3, parent)
{
    clearRows(tr("capacity units"));
}

void ContributorsModel::clearRows(const QString &unit)
{
    removeRows(0, rowCount());
    setHorizontalHeaderLabels({tr("Key"), tr("Total (%1)").arg(unit), tr("Share")});
}

void ContributorsModel::setReport(const InsightsReport &report, const QString &unit)
{
    clearRows(unit);
    for (int i = 0; i < report.contributors.size(); ++i) {
        const InsightsContributor &c = report.contributors.at(i);
        auto *key = new QStandardItem(c.keyText);
        key->setData(c.key, Qt::UserRole);
        key->setToolTip(QString::fromUtf8(QJsonDocument(c.key).toJson(QJsonDocument::Indented)));
        if (i < ContributorChart::kMaxLines)
            key->setData(ContributorChart::seriesColor(i), Qt::DecorationRole);
        auto *total = new QStandardItem(QLocale().toString(c.total, 'g', 6));
        total->setData(c.total, Qt::UserRole);
        total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const double share = report.shareOf(c);
        auto *shareItem = new QStandardItem(tr("%1 %").arg(QLocale().toString(share, 'f', 1)));
        shareItem->setData(share, Qt::UserRole);
        shareItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        appendRow({key, total, shareItem});
    }
}

} // namespace dd::ui
