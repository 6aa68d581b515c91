// ScreenshotTour: `dynamodesk --screenshots DIR` fills an in-memory
// database with sample tables, walks through every screen (main window,
// designer, item editor in both notations, a save conflict, a query, the
// visual query builder, the item editor's tree with a validation error, the
// connection dialog (also encrypting a folder, and the passphrase asked
// when one opens), the transaction builder, the PartiQL editor, the live
// stream viewer, the backups and history timeline, the global table
// dialog, an export to S3 and its import back, the DAX clusters window, a
// table copied with Copy table to…, a table's resource policy) and saves each as DIR/NN-name.png with QWidget::grab.
// Used by tools/screenshots.sh under xvfb-run. Test mode only: it waits by
// spinning the event loop and calls the API synchronously to seed data.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace dd::ui {

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, const QString &dir, bool dark); // window not owned
    void start();

signals:
    void finished(bool ok);

private:
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000);
    void settle(int ms = 300);
    void save(QWidget *widget, const QString &name);

    MainWindow *m_window;
    QString m_dir;
    bool m_dark;
    int m_saved = 0;
};

} // namespace dd::ui
