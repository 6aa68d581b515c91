#include "insights/contributorinsightsview.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/timestamps.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "insights/contributorchart.h"
#include "insights/contributorsmodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dd::ui {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QString number(double v)
{
    return QLocale().toString(v, 'g', 6);
}

} // namespace

ContributorInsightsView::ContributorInsightsView(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("contributorInsightsView"));
    m_targetBox = new QComboBox(this);
    m_targetBox->setObjectName(QStringLiteral("insightsTarget"));
    m_targetBox->addItem(tr("Table %1").arg(m_table), QString());
    m_targetBox->setToolTip(tr("Contributor Insights is enabled for the table and for each global secondary index on its own"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("insightsStatus"));
    // A long status (longer in German or Japanese) wraps rather than widen
    // the tab, which would take the width from the connections panel.
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("insightsMode"));
    m_modeBox->addItem(tr("Accessed and throttled keys"), s("ACCESSED_AND_THROTTLED_KEYS"));
    m_modeBox->addItem(tr("Throttled keys only"), s("THROTTLED_KEYS"));
    m_modeBox->setToolTip(tr("What Contributor Insights records once enabled"));
    m_toggle = new QPushButton(tr("&Enable"), this);
    m_toggle->setObjectName(QStringLiteral("insightsToggle"));
    auto *refreshButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshInsights"));
    m_rulesLabel = new QLabel(this);
    m_rulesLabel->setObjectName(QStringLiteral("insightsRules"));
    m_rulesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rulesLabel->setWordWrap(true); // four long names must not widen the window
    m_rulesLabel->hide();
    QFont small = m_rulesLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_rulesLabel->setFont(small);

    m_ruleBox = new QComboBox(this);
    m_ruleBox->setObjectName(QStringLiteral("insightsRule"));
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("insightsRange"));
    m_rangeBox->addItem(tr("Last 5 minutes"), 5);
    m_rangeBox->addItem(tr("Last 15 minutes"), 15);
    m_rangeBox->addItem(tr("Last hour"), 60);
    m_rangeBox->addItem(tr("Last 24 hours"), 24 * 60);
    m_rangeBox->setCurrentIndex(2);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("insightsSummary"));
    m_summary->setWordWrap(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("insightsError"));
    m_chart = new ContributorChart(this);
    m_model = new ContributorsModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("contributorsTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(ContributorsModel::KeyColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ContributorsModel::TotalColumn, QHeaderView::ResizeToContents);
    // Fixed, as wide as "100.0 %" or its header: sized to its contents it was cut after a refresh.
    const QString widest = QCoreApplication::translate("dd::ui::ContributorsModel", "%1 %").arg(QLocale().toString(100.0, 'f', 1));
    const QString shareHeader = m_model->headerData(ContributorsModel::ShareColumn, Qt::Horizontal).toString();
    m_view->horizontalHeader()->setSectionResizeMode(ContributorsModel::ShareColumn, QHeaderView::Fixed);
    m_view->setColumnWidth(ContributorsModel::ShareColumn,
                           std::max(m_view->fontMetrics().horizontalAdvance(widest), m_view->fontMetrics().horizontalAdvance(shareHeader)) + 24);
    for (QComboBox *box : {m_targetBox, m_ruleBox, m_rangeBox, m_modeBox})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillRules();

    auto *targetLabel = new QLabel(tr("&Target:"), this);
    targetLabel->setBuddy(m_targetBox);
    auto *ruleLabel = new QLabel(tr("R&ule:"), this);
    ruleLabel->setBuddy(m_ruleBox);
    auto *rangeLabel = new QLabel(tr("R&ange:"), this);
    rangeLabel->setBuddy(m_rangeBox);
    auto *top = new QHBoxLayout;
    top->addWidget(targetLabel);
    top->addWidget(m_targetBox);
    top->addSpacing(12);
    top->addWidget(m_statusLabel, 1);
    top->addWidget(m_modeBox);
    top->addWidget(m_toggle);
    top->addWidget(refreshButton);
    auto *second = new QHBoxLayout;
    second->addWidget(ruleLabel);
    second->addWidget(m_ruleBox);
    second->addSpacing(12);
    second->addWidget(rangeLabel);
    second->addWidget(m_rangeBox);
    second->addSpacing(12);
    second->addWidget(m_summary, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_rulesLabel);
    layout->addLayout(second);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    m_refreshTimer.setInterval(kRefreshMs);
    m_settlingTimer.setSingleShot(true);
    m_settlingTimer.setInterval(kSettlingMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ContributorInsightsView::refresh);
    connect(&m_settlingTimer, &QTimer::timeout, this, &ContributorInsightsView::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &ContributorInsightsView::refresh);
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        setInsightsEnabled(m_status != QLatin1String("ENABLED") && m_status != QLatin1String("ENABLING"));
    });
    connect(m_targetBox, &QComboBox::currentIndexChanged, this, [this] {
        m_status.clear();
        m_mode.clear();
        m_ruleNames.clear();
        fillRules();
        selectionChanged();
    });
    connect(m_ruleBox, &QComboBox::currentIndexChanged, this, &ContributorInsightsView::selectionChanged);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, &ContributorInsightsView::selectionChanged);
    connect(&m_loadWatcher, &QFutureWatcher<InsightsLoad>::finished, this, &ContributorInsightsView::onLoaded);
    connect(&m_actionWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, [this] {
        m_actionPending = false;
        const client::ApiResponse r = m_actionWatcher.result();
        const bool enable = m_actionWatcher.property("enable").toBool();
        if (r.ok()) {
            m_actionError.clear();
            m_status = r.body.value(s("ContributorInsightsStatus")).toString();
            emit statusMessage(enable ? tr("Contributor Insights is being enabled for %1").arg(m_actionWatcher.property("target").toString())
                                      : tr("Contributor Insights is being disabled for %1").arg(m_actionWatcher.property("target").toString()));
        } else {
            m_actionError = (enable ? tr("Cannot enable Contributor Insights: %1") : tr("Cannot disable Contributor Insights: %1")).arg(errorText(r));
        }
        refresh();
    });
    updateActions();
    refresh();
}

ContributorInsightsView::~ContributorInsightsView()
{
    m_refreshTimer.stop();
    m_settlingTimer.stop();
    stopWatcher(m_loadWatcher);
    letFinish(m_actionWatcher);
}

bool ContributorInsightsView::isLoading() const
{
    return m_loadPending || m_actionPending;
}

QStringList ContributorInsightsView::targets() const
{
    QStringList list;
    for (int i = 0; i < m_targetBox->count(); ++i)
        list << m_targetBox->itemData(i).toString();
    return list;
}

QString ContributorInsightsView::target() const
{
    return m_targetBox->currentData().toString();
}

void ContributorInsightsView::setTarget(const QString &index)
{
    const int i = m_targetBox->findData(index);
    if (i >= 0) {
        m_wantedTarget = QString();
        m_targetBox->setCurrentIndex(i);
    } else {
        m_wantedTarget = index;
    }
}

QList<InsightsRule> ContributorInsightsView::rules() const
{
    QList<InsightsRule> list;
    for (int i = 0; i < m_ruleBox->count(); ++i)
        list << InsightsRule(m_ruleBox->itemData(i).toInt());
    return list;
}

InsightsRule ContributorInsightsView::rule() const
{
    return InsightsRule(m_ruleBox->currentData().toInt());
}

void ContributorInsightsView::setRule(InsightsRule rule)
{
    const int i = m_ruleBox->findData(int(rule));
    if (i >= 0)
        m_ruleBox->setCurrentIndex(i);
}

int ContributorInsightsView::rangeMinutes() const
{
    return m_rangeBox->currentData().toInt();
}

void ContributorInsightsView::setRangeMinutes(int minutes)
{
    const int i = m_rangeBox->findData(minutes);
    if (i >= 0)
        m_rangeBox->setCurrentIndex(i);
}

TableKeys ContributorInsightsView::targetKeys() const
{
    return TableKeys::fromDescription(m_description, target());
}

void ContributorInsightsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_refreshTimer.start();
    if (m_hidden) {
        m_hidden = false;
        refresh();
    }
}

void ContributorInsightsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refreshTimer.stop();
    m_hidden = true;
}

void ContributorInsightsView::refresh()
{
    if (m_loadPending) {
        m_again = true;
        return;
    }
    startLoad();
}

void ContributorInsightsView::startLoad()
{
    m_loadPending = true;
    m_again = false;
    // The current minute's values are recorded as they come: the range ends
    // at the next minute's start so that it holds them.
    const qint64 end = (QDateTime::currentSecsSinceEpoch() / 60 + 1) * 60;
    m_loadWatcher.setFuture(QtConcurrent::run(m_connection->pool(), &loadInsights, m_connection, m_table, target(), rule(),
                                              rangeMinutes(), end, kMaxContributors));
}

void ContributorInsightsView::onLoaded()
{
    // Still pending while the result is applied: a refresh asked meanwhile runs after it.
    if (m_loadWatcher.future().resultCount() == 0) {
        m_loadPending = false;
        return;
    }
    const InsightsLoad l = m_loadWatcher.result();
    if (l.table.isEmpty()) {
        m_error->setError(tr("Cannot read the table: %1").arg(l.tableError));
    } else {
        m_description = l.table;
        fillTargets(l.table);
        fillRules();
        // The user moved on while this ran (or the rule did not fit the target): load again.
        const bool stale = l.index != target() || l.rule != rule() || l.minutes != rangeMinutes() || !l.report;
        if (!stale) {
            QStringList errors;
            if (!m_actionError.isEmpty())
                errors << m_actionError;
            if (l.status.ok()) {
                showStatus(l.status.body);
            } else {
                m_status.clear();
                errors << tr("Cannot read the Contributor Insights status: %1").arg(errorText(l.status));
            }
            const QString reportError = showReport(l);
            if (!reportError.isEmpty())
                errors << reportError;
            m_error->setError(errors.join(QLatin1Char('\n')));
        }
        if (stale)
            m_again = true;
    }
    if (m_status == QLatin1String("ENABLING") || m_status == QLatin1String("DISABLING"))
        m_settlingTimer.start();
    m_loadPending = false;
    updateActions();
    if (m_again)
        startLoad();
}

void ContributorInsightsView::fillTargets(const QJsonObject &table)
{
    QStringList wanted{QString()};
    for (const auto &v : table.value(s("GlobalSecondaryIndexes")).toArray())
        wanted << v.toObject().value(s("IndexName")).toString();
    if (wanted == targets())
        return;
    const QString before = target();
    {
        const QSignalBlocker block(m_targetBox);
        m_targetBox->clear();
        for (const QString &index : std::as_const(wanted))
            m_targetBox->addItem(index.isEmpty() ? tr("Table %1").arg(m_table) : tr("Index %1").arg(index), index);
        m_targetBox->setCurrentIndex(std::max(0, m_targetBox->findData(before)));
    }
    if (!m_wantedTarget.isNull()) {
        const QString wantedTarget = m_wantedTarget;
        m_wantedTarget = QString();
        if (m_targetBox->findData(wantedTarget) >= 0)
            setTarget(wantedTarget); // signals the change: it loads that target
    }
}

void ContributorInsightsView::fillRules()
{
    const bool items = !targetKeys().sorts.isEmpty();
    QList<InsightsRule> wanted{InsightsRule::PartitionKeysAccessed};
    if (items)
        wanted << InsightsRule::ItemsAccessed;
    wanted << InsightsRule::PartitionKeysThrottled;
    if (items)
        wanted << InsightsRule::ItemsThrottled;
    if (wanted == rules())
        return;
    const InsightsRule current = rule();
    const QSignalBlocker block(m_ruleBox);
    m_ruleBox->clear();
    for (InsightsRule r : std::as_const(wanted)) {
        QString text;
        switch (r) {
        case InsightsRule::PartitionKeysAccessed: text = tr("Most accessed partition keys"); break;
        case InsightsRule::ItemsAccessed: text = tr("Most accessed items (partition and sort key)"); break;
        case InsightsRule::PartitionKeysThrottled: text = tr("Most throttled partition keys"); break;
        case InsightsRule::ItemsThrottled: text = tr("Most throttled items (partition and sort key)"); break;
        }
        m_ruleBox->addItem(text, int(r));
    }
    m_ruleBox->setCurrentIndex(std::max(0, m_ruleBox->findData(int(current))));
}

void ContributorInsightsView::selectionChanged()
{
    m_chart->clear();
    m_model->clearRows(ruleIsThrottled(rule()) ? tr("throttle events") : tr("capacity units"));
    m_summary->clear();
    refresh();
}

void ContributorInsightsView::showStatus(const QJsonObject &description)
{
    m_status = description.value(s("ContributorInsightsStatus")).toString();
    m_mode = description.value(s("ContributorInsightsMode")).toString();
    m_ruleNames.clear();
    for (const auto &v : description.value(s("ContributorInsightsRuleList")).toArray())
        m_ruleNames << v.toString();
    QString state = m_status;
    if (m_status == QLatin1String("ENABLED"))
        state = tr("enabled");
    else if (m_status == QLatin1String("ENABLING"))
        state = tr("enabling…");
    else if (m_status == QLatin1String("DISABLED"))
        state = tr("disabled");
    else if (m_status == QLatin1String("DISABLING"))
        state = tr("disabling…");
    else if (m_status == QLatin1String("FAILED"))
        state = tr("failed");
    QString text = tr("Contributor Insights: %1").arg(state);
    if (m_mode == QLatin1String("THROTTLED_KEYS"))
        text += tr(" (throttled keys only)");
    else if (!m_mode.isEmpty() && m_status != QLatin1String("DISABLED"))
        text += tr(" (accessed and throttled keys)");
    const double changed = description.value(s("LastUpdateDateTime")).toDouble();
    if (changed > 0)
        text += tr(", changed %1").arg(secondText(qint64(changed * 1000)));
    m_statusLabel->setText(text);
    const QString rules = m_ruleNames.isEmpty() ? QString() : tr("CloudWatch rules: %1").arg(m_ruleNames.join(QLatin1String(", ")));
    m_statusLabel->setToolTip(rules);
    m_rulesLabel->setText(rules);
    m_rulesLabel->setVisible(!rules.isEmpty());
    const int mode = m_modeBox->findData(m_mode);
    if (mode >= 0)
        m_modeBox->setCurrentIndex(mode);
}

QString ContributorInsightsView::showReport(const InsightsLoad &load)
{
    const bool throttled = ruleIsThrottled(load.rule);
    const QString unit = throttled ? tr("throttle events") : tr("capacity units");
    m_model->clearRows(unit);
    const client::ApiResponse &r = *load.report;
    if (unknownOperation(r)) {
        m_reportAvailable = false;
        m_chart->clear();
        m_summary->clear();
        m_chart->setNote(tr("This endpoint does not offer Dynamodesk's report of the top keys. The graphs of this connection's tables "
                            "are in CloudWatch Contributor Insights: the CloudWatch console, or aws cloudwatch get-insight-rule-report "
                            "with the rule names above. Enabling and disabling work here as usual."));
        return QString();
    }
    m_reportAvailable = true;
    const bool recording = m_status == QLatin1String("ENABLED") || m_status == QLatin1String("ENABLING");
    const QString offNote = tr("Contributor Insights is off for this target. Enable it to record the most accessed and throttled "
                               "keys minute by minute; Dynamodesk keeps the last 24 hours while it stays on.");
    if (!r.ok()) {
        m_chart->clear();
        m_summary->clear();
        if (!recording) {
            m_chart->setNote(offNote);
            return QString();
        }
        return tr("Cannot read the top keys: %1").arg(errorText(r));
    }
    const InsightsReport report = InsightsReport::fromResponse(r.body, TableKeys::fromDescription(load.table, load.index).names());
    m_chart->setReport(report, unit);
    if (throttled)
        m_chart->setNote(tr("Dynamodesk does not throttle requests, so the most throttled keys stay empty locally. "
                            "On AWS this rule shows the keys whose requests were throttled."));
    else if (report.contributors.isEmpty())
        m_chart->setNote(recording ? tr("Nothing recorded in this range yet.") : offNote);
    else
        m_chart->setNote(QString());
    m_summary->setText(report.contributors.isEmpty()
                           ? QString()
                           : tr("%1 %2 in this range from about %Ln key(s)", nullptr, int(report.uniqueCount)).arg(number(report.aggregate), unit));
    m_model->setReport(report, unit);
    return QString();
}

QWidget *ContributorInsightsView::setInsightsEnabled(bool enabled)
{
    if (enabled) {
        sendUpdate(true);
        return nullptr;
    }
    const QString what = target().isEmpty() ? tr("the table %1").arg(m_table) : tr("the index %1 of %2").arg(target(), m_table);
    const QString index = target();
    return confirm(this, QMessageBox::Question, tr("Disable Contributor Insights"),
                   tr("Disable Contributor Insights for %1? The minutes recorded so far are dropped.").arg(what),
                   QStringLiteral("confirmDisableInsights"), [this, index] {
                       if (index == target())
                           sendUpdate(false);
                   }, tr("Disable"));
}

void ContributorInsightsView::sendUpdate(bool enable)
{
    if (m_actionPending)
        return;
    m_actionPending = true;
    QJsonObject request{{s("TableName"), m_table}, {s("ContributorInsightsAction"), enable ? s("ENABLE") : s("DISABLE")}};
    if (!target().isEmpty())
        request.insert(s("IndexName"), target());
    if (enable)
        request.insert(s("ContributorInsightsMode"), m_modeBox->currentData().toString());
    m_actionWatcher.setProperty("enable", enable);
    m_actionWatcher.setProperty("target", target().isEmpty() ? m_table : QStringLiteral("%1 (%2)").arg(m_table, target()));
    m_actionWatcher.setFuture(m_connection->call(s("UpdateContributorInsights"), request));
    updateActions();
}

void ContributorInsightsView::updateActions()
{
    const bool on = m_status == QLatin1String("ENABLED");
    const bool settled = on || m_status == QLatin1String("DISABLED") || m_status == QLatin1String("FAILED");
    m_toggle->setText(on ? tr("&Disable") : tr("&Enable"));
    m_toggle->setEnabled(settled && !m_actionPending);
    m_toggle->setToolTip(on ? tr("Stop recording the most accessed and throttled keys of this target")
                            : tr("Record the most accessed and throttled keys of this target, minute by minute"));
    m_modeBox->setEnabled(!on && settled && !m_actionPending);
}

} // namespace dd::ui
