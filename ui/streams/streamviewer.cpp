#include "streams/streamviewer.h"

#include "common/errorlabel.h"
#include "common/watchers.h"
#include "api/engine.h"
#include "connections/connection.h"
#include "streams/sparkline.h"
#include "streams/streamrecordmodel.h"
#include "streams/triggerpanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <utility>

namespace dd::ui {

StreamViewer::StreamViewer(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("streamViewer"));
    m_model = new StreamRecordModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("records"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(StreamRecordModel::TimeColumn, 80);
    m_view->setColumnWidth(StreamRecordModel::EventColumn, 80);
    m_view->setColumnWidth(StreamRecordModel::KeysColumn, 300);
    m_view->setWordWrap(false);
    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setPlaceholderText(tr("Select a record to see its old and new image"));

    m_start = new QComboBox(this);
    m_start->setObjectName(QStringLiteral("startPosition"));
    m_start->addItems({tr("From now (LATEST)"), tr("From the oldest record (TRIM_HORIZON)")});
    m_start->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_start->setMinimumContentsLength(14);
    m_start->setToolTip(tr("Where reading starts: new records only, or every record the stream still holds"));
    m_events = new QComboBox(this);
    m_events->setObjectName(QStringLiteral("eventFilter"));
    m_events->addItem(tr("All events"));
    m_events->addItem(QStringLiteral("INSERT"), QStringLiteral("INSERT"));
    m_events->addItem(QStringLiteral("MODIFY"), QStringLiteral("MODIFY"));
    m_events->addItem(QStringLiteral("REMOVE"), QStringLiteral("REMOVE"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("textFilter"));
    m_filter->setPlaceholderText(tr("Filter by key or attribute…"));
    m_filter->setClearButtonEnabled(true);
    m_jump = new QLineEdit(this);
    m_jump->setObjectName(QStringLiteral("jumpTo"));
    m_jump->setPlaceholderText(tr("Go to sequence number or time…"));
    m_jump->setToolTip(tr("A sequence number, or a time of day such as 14:05:30; Enter selects the first record at or after it"));
    m_jump->setClearButtonEnabled(true);
    // Wide enough for their hints in every language (the clear button and the frame besides).
    for (QLineEdit *edit : {m_filter, m_jump})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 2 * edit->fontMetrics().height());
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setCheckable(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("clear"));
    auto *exportButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/export.svg")), tr("Export JSON Lines…"), this);
    exportButton->setObjectName(QStringLiteral("export"));
    m_sparkline = new Sparkline(this);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("counts"));
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("streamError"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_start);
    bar->addWidget(m_events);
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_jump, 1);
    bar->addWidget(m_pause);
    bar->addWidget(clear);
    bar->addWidget(exportButton);
    // The rate and the counts under the records: in the bar above they
    // left the two text fields too narrow for their hints (German).
    auto *strip = new QHBoxLayout;
    strip->addWidget(m_counts);
    strip->addWidget(m_sparkline);
    strip->addStretch(1);
    auto *records = new QWidget(this);
    auto *recordsLayout = new QVBoxLayout(records);
    recordsLayout->setContentsMargins(0, 0, 0, 0);
    recordsLayout->addWidget(m_view, 1);
    recordsLayout->addLayout(strip);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(records);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_triggers = new TriggerPanel(m_connection, m_table, this);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(splitter);
    sides->addWidget(m_triggers);
    sides->setStretchFactor(0, 5);
    sides->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(sides, 1);

    connect(m_start, &QComboBox::currentIndexChanged, this, [this](int i) { start(i == 1); });
    connect(m_events, &QComboBox::currentIndexChanged, this, &StreamViewer::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &StreamViewer::applyFilter);
    connect(m_pause, &QPushButton::toggled, this, &StreamViewer::setPaused);
    connect(m_jump, &QLineEdit::returnPressed, this, [this] {
        if (!jumpTo(m_jump->text().trimmed()))
            emit statusMessage(tr("No record at or after %1").arg(m_jump->text().trimmed()));
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_detail->clear();
        updateCounts();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export records"), m_table + QStringLiteral("-stream.jsonl"),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            exportJsonLines(path);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StreamViewer::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StreamViewer::showDetail);
    connect(&m_pollWatcher, &QFutureWatcher<StreamPoll>::finished, this, &StreamViewer::onPolled);
    if (api::Engine *engine = m_connection->engine()) {
        // Runs on the committing thread: queue one wake-up at a time.
        auto id = engine->addCommitListener(m_connection->region(), [this] {
            if (!m_commitPending.exchange(true))
                QMetaObject::invokeMethod(this, &StreamViewer::onCommitted, Qt::QueuedConnection);
        });
        if (id.ok())
            m_commitListener = *id;
    }
    m_timer.setInterval(m_commitListener ? kPollMs : m_connection->canServe() ? kLocalPollMs : kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &StreamViewer::poll);
    updateCounts();
}

StreamViewer::~StreamViewer()
{
    // After this the listener never runs again; wake-ups already queued die with this object.
    if (m_commitListener)
        m_connection->engine()->removeCommitListener(m_connection->region(), m_commitListener);
    m_timer.stop();
    stopWatcher(m_pollWatcher);
    letFinish(m_exportWatcher); // the file is written all the same
}

void StreamViewer::start(bool fromTrimHorizon)
{
    // A poll still running belongs to the old cursor: its result is dropped.
    stopWatcher(m_pollWatcher);
    connect(&m_pollWatcher, &QFutureWatcher<StreamPoll>::finished, this, &StreamViewer::onPolled);
    m_pollAgain = false;
    m_cursor = StreamCursor();
    m_cursor.table = m_table;
    m_cursor.fromTrimHorizon = fromTrimHorizon;
    m_disabled = false;
    {
        const QSignalBlocker block(m_start);
        m_start->setCurrentIndex(fromTrimHorizon ? 1 : 0);
    }
    m_model->clear();
    m_buffer.clear();
    m_error->setError(QString());
    updateCounts();
    poll();
    m_timer.start();
}

void StreamViewer::poll()
{
    m_sparkline->advance(QDateTime::currentMSecsSinceEpoch());
    if (m_pollWatcher.isRunning()) {
        m_pollAgain = true; // it may have read before the latest commit
        return;
    }
    client::Client *client = &m_connection->client();
    m_pollWatcher.setFuture(QtConcurrent::run(m_connection->pool(), [client, cursor = m_cursor] { return pollStream(*client, cursor); }));
}

void StreamViewer::onCommitted()
{
    m_commitPending = false;
    poll();
}

void StreamViewer::onPolled()
{
    const StreamPoll result = m_pollWatcher.result();
    // A poll asked for meanwhile, or more records waiting (a burst, or
    // GetRecords' limit): read on without waiting for the timer.
    if (std::exchange(m_pollAgain, false) || !result.records.isEmpty())
        QTimer::singleShot(0, this, &StreamViewer::poll);
    m_cursor = result.cursor;
    if (result.streamDisabled) {
        if (!m_disabled)
            m_error->setError(tr("The table %1 has no enabled stream. Enable one in the table's settings "
                                 "(StreamSpecification); the viewer starts showing records as soon as it exists.")
                                  .arg(m_table));
        m_disabled = true;
        return;
    }
    if (m_disabled) {
        m_disabled = false;
        m_error->setError(QString());
    }
    if (!result.error.isEmpty())
        m_error->setError(tr("Reading the stream failed: %1").arg(result.error));
    else if (!m_disabled)
        m_error->setError(QString());
    if (result.records.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<StreamRecord> records;
    records.reserve(result.records.size());
    for (const QJsonObject &r : result.records)
        records.append(StreamRecord::fromJson(r, now));
    m_sparkline->addEvents(now, int(records.size()));
    if (m_paused) {
        m_buffer.append(records);
    } else {
        QScrollBar *scroll = m_view->verticalScrollBar();
        const bool atEnd = scroll->value() == scroll->maximum();
        m_model->append(records);
        if (atEnd)
            m_view->scrollToBottom();
    }
    updateCounts();
    emit recordsArrived(int(records.size()));
}

void StreamViewer::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
    }
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused && !m_buffer.isEmpty()) {
        m_model->append(m_buffer);
        m_buffer.clear();
        m_view->scrollToBottom();
    }
    updateCounts();
}

bool StreamViewer::isPolling() const
{
    return !m_cursor.streamArn.isEmpty();
}

void StreamViewer::applyFilter()
{
    QSet<QString> events;
    const QString event = m_events->currentData().toString();
    if (!event.isEmpty())
        events.insert(event);
    m_model->setFilter(events, m_filter->text().trimmed());
    updateCounts();
}

void StreamViewer::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const StreamRecord &r = m_model->record(current.row());
    m_detail->setHtml(QStringLiteral("<p><b>%1</b> %2 · %3</p>%4")
                          .arg(r.eventName, r.keysText().toHtmlEscaped(), tr("sequence number %1").arg(r.sequenceNumber),
                               diffHtml(r.oldImage, r.newImage, r.changes)));
}

bool StreamViewer::jumpTo(const QString &target)
{
    if (target.isEmpty())
        return false;
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    const bool bySequence = digits.match(target).hasMatch();
    QTime time = QTime::fromString(target, QStringLiteral("HH:mm:ss"));
    if (!time.isValid())
        time = QTime::fromString(target, QStringLiteral("HH:mm"));
    if (!bySequence && !time.isValid())
        return false;
    // Sequence numbers are decimal strings of varying length: compare by length, then text.
    const QString wanted = bySequence ? QString(target).remove(QRegularExpression(QStringLiteral("^0+(?=.)"))) : QString();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const StreamRecord &r = m_model->record(row);
        bool hit;
        if (bySequence) {
            const QString seq = QString(r.sequenceNumber).remove(QRegularExpression(QStringLiteral("^0+(?=.)")));
            hit = seq.size() != wanted.size() ? seq.size() > wanted.size() : seq >= wanted;
        } else {
            hit = r.time.toLocalTime().time() >= time;
        }
        if (hit) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
            return true;
        }
    }
    return false;
}

QString StreamViewer::detailHtml() const
{
    return m_detail->toHtml();
}

void StreamViewer::updateCounts()
{
    QString text = tr("%1 of %n record(s)", nullptr, m_model->totalCount()).arg(m_model->rowCount());
    if (m_paused)
        text += QLatin1Char(' ') + tr("(%n buffered)", nullptr, int(m_buffer.size()));
    m_counts->setText(text);
}

QFuture<QString> StreamViewer::exportJsonLines(const QString &path)
{
    QList<QJsonObject> records; // shared copies: the model may change meanwhile
    records.reserve(m_model->rowCount());
    for (int i = 0; i < m_model->rowCount(); ++i)
        records << m_model->record(i).raw;
    const qsizetype count = records.size();
    QFuture<QString> future = QtConcurrent::run([path, records = std::move(records)]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return tr("Cannot write %1: %2").arg(path, file.errorString());
        for (const QJsonObject &raw : records) {
            file.write(QJsonDocument(raw).toJson(QJsonDocument::Compact));
            file.write("\n");
        }
        if (!file.commit())
            return tr("Cannot write %1: %2").arg(path, file.errorString());
        return QString();
    });
    stopWatcher(m_exportWatcher); // an earlier export still writing finishes unheard
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this, path, count] {
        const QString error = m_exportWatcher.result();
        if (error.isEmpty()) {
            emit statusMessage(tr("Exported %n record(s) to %1", nullptr, int(count)).arg(path));
            return;
        }
        // Not in the error line: the next poll clears that.
        emit statusMessage(error);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export records"), error, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("exportFailed"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_exportWatcher.setFuture(future);
    return future;
}

} // namespace dd::ui
