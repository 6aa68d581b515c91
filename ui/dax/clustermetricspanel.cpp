#include "dax/clustermetricspanel.h"

#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTime>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

qint64 count(const QJsonObject &metrics, const char *name)
{
    return metrics.value(QLatin1String(name)).toInteger();
}

QLabel *valueLabel(QWidget *parent, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *label = new QLabel(parent);
    label->setAlignment(alignment);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ClusterMetricsPanel::ClusterMetricsPanel(Connection *connection, QWidget *parent) : QGroupBox(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("clusterMetrics"));
    setTitle(tr("Metrics"));

    m_note = new QLabel(tr("Select a cluster to see its caches at work."), this);
    m_note->setObjectName(QStringLiteral("metricsNote"));
    m_note->setWordWrap(true);

    m_figures = new QWidget(this);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(16);
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    const QStringList headers{tr("Hits"), tr("Misses"), tr("Hit ratio")};
    for (int c = 0; c < headers.size(); ++c) {
        auto *header = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[c].toHtmlEscaped()), m_figures);
        header->setAlignment(right);
        grid->addWidget(header, 0, c + 1);
    }
    const std::pair<const char *, QString> caches[] = {
        {"ItemCache", tr("Item cache")}, {"QueryCache", tr("Query cache")}, {"ScanCache", tr("Scan cache")}};
    int row = 1;
    for (const auto &[key, title] : caches) {
        grid->addWidget(new QLabel(title, m_figures), row, 0);
        const QString base = QLatin1String(key);
        for (const auto &[suffix, column] : {std::pair{QStringLiteral("Hits"), 1}, std::pair{QStringLiteral("Misses"), 2},
                                             std::pair{QStringLiteral("Ratio"), 3}}) {
            QLabel *value = valueLabel(m_figures, right);
            value->setObjectName(QStringLiteral("metric") + base + suffix);
            m_fields.insert(base + suffix, value);
            grid->addWidget(value, row, column);
        }
        ++row;
    }
    grid->setColumnStretch(4, 1);
    m_fields.value(QStringLiteral("ItemCacheRatio"))->setToolTip(tr("Hits of GetItem and BatchGetItem keys, of all their eventually consistent reads"));
    m_fields.value(QStringLiteral("QueryCacheRatio"))->setToolTip(tr("Query responses served from the query cache"));
    m_fields.value(QStringLiteral("ScanCacheRatio"))->setToolTip(tr("Scan responses served from the query cache"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    for (const auto &[key, title] : {std::pair{"Requests", tr("Requests:")}, std::pair{"Errors", tr("Errors:")},
                                     std::pair{"CacheSize", tr("Cache size:")}, std::pair{"Evicted", tr("Evicted:")},
                                     std::pair{"Updated", tr("Updated:")}}) {
        QLabel *value = valueLabel(m_figures);
        value->setObjectName(QStringLiteral("metric") + QLatin1String(key));
        value->setWordWrap(true);
        m_fields.insert(QLatin1String(key), value);
        form->addRow(title, value);
    }

    auto *figuresLayout = new QVBoxLayout(m_figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->addLayout(grid);
    figuresLayout->addLayout(form);
    m_figures->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_figures);
    layout->addStretch(1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ClusterMetricsPanel::refresh);
    connect(&m_call, &QFutureWatcher<client::ApiResponse>::finished, this, &ClusterMetricsPanel::onRead);

    // AWS has no such operation: say so without asking.
    if (connection->settings().kind == ConnectionSettings::Kind::Aws)
        m_supported = false;
}

ClusterMetricsPanel::~ClusterMetricsPanel()
{
    m_timer.stop();
    stopWatcher(m_call);
}

void ClusterMetricsPanel::setCluster(const QString &name)
{
    if (name == m_cluster)
        return;
    m_cluster = name;
    m_metrics = QJsonObject();
    m_timer.stop();
    clearFigures();
    setTitle(name.isEmpty() ? tr("Metrics") : tr("Metrics of %1").arg(name));
    if (!m_supported) {
        m_note->setText(tr("Live metrics come from the embedded engine and dynamodesk-server. On AWS, DAX publishes them to "
                           "Amazon CloudWatch (namespace AWS/DAX): see the cluster's Metrics tab in the AWS console."));
        return;
    }
    m_note->setText(name.isEmpty() ? tr("Select a cluster to see its caches at work.") : tr("Reading the metrics…"));
    refresh();
}

void ClusterMetricsPanel::refresh()
{
    if (m_cluster.isEmpty() || !m_supported || m_reading)
        return;
    m_reading = true;
    m_timer.stop();
    m_readingCluster = m_cluster;
    m_call.setFuture(m_connection->call(QStringLiteral("Dynamodesk.DescribeClusterMetrics"),
                                        QJsonObject{{QStringLiteral("ClusterName"), m_cluster}}));
}

void ClusterMetricsPanel::onRead()
{
    const client::ApiResponse r = m_call.result();
    m_reading = false;
    if (m_readingCluster != m_cluster) {
        // Another cluster was selected meanwhile: ask about that one.
        refresh();
        return;
    }
    ++m_reads;
    if (!r.ok()) {
        const QString type = r.error->type();
        if (type == QLatin1String("UnknownOperationException")) {
            m_supported = false;
            clearFigures();
            m_note->setText(tr("This connection does not offer live DAX metrics (%1). On AWS, DAX publishes them to Amazon "
                               "CloudWatch (namespace AWS/DAX).")
                                .arg(type));
            return;
        }
        // Kept on screen, with what went wrong; asked again (a cluster still being created may answer later).
        m_note->setText(tr("Cannot read the metrics: %1").arg(errorText(r)));
        m_note->setVisible(true);
    } else {
        showMetrics(r.body);
    }
    updateTimer();
}

void ClusterMetricsPanel::showMetrics(const QJsonObject &answer)
{
    m_metrics = answer.value(QStringLiteral("Metrics")).toObject();
    const QLocale locale;
    for (const char *cache : {"ItemCache", "QueryCache", "ScanCache"}) {
        const QString base = QLatin1String(cache);
        const qint64 hits = m_metrics.value(base + QStringLiteral("Hits")).toInteger();
        const qint64 misses = m_metrics.value(base + QStringLiteral("Misses")).toInteger();
        m_fields.value(base + QStringLiteral("Hits"))->setText(locale.toString(hits));
        m_fields.value(base + QStringLiteral("Misses"))->setText(locale.toString(misses));
        m_fields.value(base + QStringLiteral("Ratio"))
            ->setText(hits + misses == 0 ? QStringLiteral("–") : tr("%1 %").arg(locale.toString(100.0 * double(hits) / double(hits + misses), 'f', 1)));
    }

    const qint64 reads = count(m_metrics, "GetItemRequestCount") + count(m_metrics, "BatchGetItemRequestCount")
        + count(m_metrics, "QueryRequestCount") + count(m_metrics, "ScanRequestCount") + count(m_metrics, "TransactGetItemsCount");
    const qint64 writes = count(m_metrics, "PutItemRequestCount") + count(m_metrics, "UpdateItemRequestCount")
        + count(m_metrics, "DeleteItemRequestCount") + count(m_metrics, "BatchWriteItemRequestCount")
        + count(m_metrics, "TransactWriteItemsCount");
    QLabel *requests = m_fields.value(QStringLiteral("Requests"));
    requests->setText(tr("%1 in all: %2 reads, %3 writes")
                          .arg(locale.toString(count(m_metrics, "TotalRequestCount")), locale.toString(reads), locale.toString(writes)));
    QStringList byOperation;
    for (const char *name : {"GetItemRequestCount", "BatchGetItemRequestCount", "QueryRequestCount", "ScanRequestCount",
                             "TransactGetItemsCount", "PutItemRequestCount", "UpdateItemRequestCount", "DeleteItemRequestCount",
                             "BatchWriteItemRequestCount", "TransactWriteItemsCount"})
        byOperation << QStringLiteral("%1: %2").arg(QLatin1String(name), locale.toString(count(m_metrics, name)));
    requests->setToolTip(byOperation.join(QLatin1Char('\n')));
    m_fields.value(QStringLiteral("Errors"))
        ->setText(tr("%1 refused (ErrorRequestCount), %2 failed in DAX (FaultRequestCount)")
                      .arg(locale.toString(count(m_metrics, "ErrorRequestCount")), locale.toString(count(m_metrics, "FaultRequestCount"))));

    const qint64 budget = answer.value(QStringLiteral("CacheBudgetBytes")).toInteger();
    const double utilization = m_metrics.value(QStringLiteral("CacheMemoryUtilization")).toDouble();
    m_fields.value(QStringLiteral("CacheSize"))
        ->setText(tr("%1 in %n entries, %2 % of %3", nullptr, int(answer.value(QStringLiteral("ItemCount")).toInteger()))
                      .arg(locale.formattedDataSize(count(m_metrics, "EstimatedDbSize")), locale.toString(utilization, 'f', 2),
                           locale.formattedDataSize(budget)));
    m_fields.value(QStringLiteral("CacheSize"))->setToolTip(tr("EstimatedDbSize, and CacheMemoryUtilization of the caches' budget"));
    m_fields.value(QStringLiteral("Evicted"))->setText(locale.formattedDataSize(count(m_metrics, "EvictedSize")));
    m_fields.value(QStringLiteral("Evicted"))->setToolTip(tr("EvictedSize: bytes of entries dropped to make room (least recently used first)"));
    m_fields.value(QStringLiteral("Updated"))->setText(locale.toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")));

    m_note->setVisible(false);
    m_figures->setVisible(true);
}

void ClusterMetricsPanel::clearFigures()
{
    for (QLabel *label : std::as_const(m_fields))
        label->clear();
    m_figures->setVisible(false);
    m_note->setVisible(true);
}

void ClusterMetricsPanel::updateTimer()
{
    if (isVisible() && m_supported && !m_cluster.isEmpty() && !m_reading)
        m_timer.start();
}

void ClusterMetricsPanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    refresh();
}

void ClusterMetricsPanel::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QGroupBox::hideEvent(event);
}

qint64 ClusterMetricsPanel::metric(const QString &name) const
{
    return m_metrics.contains(name) ? m_metrics.value(name).toInteger() : -1;
}

QString ClusterMetricsPanel::text(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

QString ClusterMetricsPanel::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

} // namespace dd::ui
