// ConflictDialog: shown when a save failed because the item changed since
// it was loaded. Puts the user's version beside the one in the database now
// (or says it was deleted), lists the attributes that differ, and lets the
// user keep theirs (overwrite), take the database's, or go on editing.
#pragma once

#include <QDialog>
#include <QJsonObject>

namespace dd::ui {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum Choice { KeepEditing = 0, Overwrite = 1, TakeTheirs = 2 }; // the dialog's result()

    // `current` is empty when the item was deleted meanwhile.
    ConflictDialog(const QJsonObject &mine, const QJsonObject &current, QWidget *parent = nullptr);

    static QStringList differingAttributes(const QJsonObject &a, const QJsonObject &b);
};

} // namespace dd::ui
