// ProgressPanel: a slim bar for one long job (delete, export): what it is,
// a progress bar (busy when the total is unknown) and Cancel. Watches any
// QFutureBase through a QFutureWatcherBase that the owner holds.
#pragma once

#include <QWidget>

class QFutureWatcherBase;
class QLabel;
class QProgressBar;
class QPushButton;

namespace dd::ui {

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);
    // Shows the panel for the job behind `watcher` (not owned); hides when it finishes.
    void track(QFutureWatcherBase *watcher, const QString &title);

private:
    QLabel *m_title;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QFutureWatcherBase *m_watcher = nullptr;
};

} // namespace dd::ui
