// ProgressPanel: a slim bar for one long job (delete, export, import):
// what it is, a progress bar (busy when the total is unknown) and Cancel.
// Watches any QFutureBase through a QFutureWatcherBase that the owner holds.
//
// Cancel sets the job's CancelFlag, which the job reads between its steps,
// and the job still reports its result. It does not cancel the QFuture:
// Qt drops every result that a cancelled future reports, so the job could
// not say what it did before it stopped (the items it deleted, imported).
#pragma once

#include <QWidget>

#include <atomic>
#include <memory>

class QFutureWatcherBase;
class QLabel;
class QProgressBar;
class QPushButton;

namespace dd::ui {

using CancelFlag = std::shared_ptr<std::atomic<bool>>;
inline CancelFlag newCancelFlag() { return std::make_shared<std::atomic<bool>>(false); }
// Whether `flag` (may be null: never) is set.
inline bool isSet(const CancelFlag &flag) { return flag && flag->load(std::memory_order_relaxed); }

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);
    // Shows the panel for the job behind `watcher` (not owned); hides when
    // it finishes. Cancel sets `cancel`; without one it cancels the future
    // (for a job with nothing to report once stopped, such as a wait).
    void track(QFutureWatcherBase *watcher, const QString &title, CancelFlag cancel = {});

private:
    QLabel *m_title;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QFutureWatcherBase *m_watcher = nullptr;
    CancelFlag m_cancelFlag;
};

} // namespace dd::ui
