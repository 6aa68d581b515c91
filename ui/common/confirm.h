// confirm(): the question the app asks before it does something that cannot
// be undone (delete a table, items, a backup, a replica, a DAX cluster...):
// a message box with Yes and Cancel, Cancel the default, shown with open()
// (modal to its window, never blocking the event loop) and deleted when
// closed.
#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

namespace dd::ui {

// Asks `text` under `title`; runs `onYes` if the user answers Yes. The box
// is named `objectName` (tests find it by that name) and its Yes button
// reads `yesText` if not empty. Returns the box, owned by `parent`.
QMessageBox *confirm(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text, const QString &objectName,
                     std::function<void()> onYes, const QString &yesText = QString());

} // namespace dd::ui
