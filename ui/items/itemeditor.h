// ItemEditor: the window that creates, edits, duplicates and deletes one
// item, side by side as a tree (ItemTreeEditor: name, type and value of
// every node) and as text in DynamoDB JSON or plain JSON (switchable), the
// two kept in step, validated as the user types (syntax, DynamoDB's value
// rules, key attributes and types, the 400 KB item size) with the error's
// node selected in the tree. Saving is conditional: a new item must not exist
// yet, an edited one must be unchanged since it was loaded; when the
// condition fails the editor reads the current item and shows both
// versions (ConflictDialog). Calls go through the Connection, off the GUI
// thread.
#pragma once

#include "client/client.h"
#include "common/tablekeys.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace dd::ui {

class Connection;
class ConflictDialog;
class ErrorLabel;
class ItemTreeEditor;

class ItemEditor : public QDialog {
    Q_OBJECT
public:
    enum class Mode { New, Edit, Duplicate };
    enum class Format { Dynamo = 0, Plain = 1 };

    // `item` is the loaded item (Edit), the one to copy (Duplicate) or a
    // template (New). The connection must outlive the editor. Deletes itself on close.
    ItemEditor(Connection *connection, const QString &table, const TableKeys &keys, Mode mode, const QJsonObject &item,
               QWidget *parent = nullptr);
    ~ItemEditor() override;

    Mode mode() const { return m_mode; }
    Format format() const;
    bool setFormat(Format format); // converts the text; false (and no change) if the text is invalid
    QString text() const;
    void setText(const QString &text);
    // The item the text describes, if valid; else sets *error (and *path,
    // the node at fault, "a.b[2]", empty for the whole item) and returns false.
    bool currentItem(QJsonObject *item, QString *error, QString *path = nullptr) const;
    ItemTreeEditor *tree() const { return m_tree; }
    ConflictDialog *conflictDialog() const { return m_conflict; }

    void save();
    void deleteItem();  // Edit mode only; asks nothing (the button's click does)
    // The text differs from the item as loaded (or given); closing then asks first.
    bool isModified() const;
    void reject() override;

signals:
    void itemSaved(const QJsonObject &item);
    void itemDeleted(const QJsonObject &key);

private:
    void revalidate();
    void onTextEdited();
    void onTreeEdited();
    void putPending();
    void onChecked();
    void onSaved();
    void onCurrentRead();
    void showConflict(const QJsonObject &current);
    void onDeleted();
    void onConflictChoice(int choice);
    void setBusy(bool busy, const QString &message = QString());

    Connection *m_connection;
    QString m_table;
    TableKeys m_keys;
    Mode m_mode;
    QJsonObject m_loaded;       // the item as read (Edit), the base of the save condition
    QJsonObject m_baseline;     // the item as loaded, given or last taken from the database (isModified())
    QJsonObject m_pending;      // the item being saved
    QComboBox *m_format;
    QPlainTextEdit *m_text;
    ItemTreeEditor *m_tree;
    bool m_syncing = false;     // the tree and the text are being brought in step
    bool m_treeIsSource = false; // the last edit was made in the tree
    QString m_treeProblem;      // what the tree holds that no item can (a name used twice)
    QString m_treeProblemPath;  // and where
    ErrorLabel *m_error;
    QLabel *m_info;
    QPushButton *m_save;
    QPushButton *m_delete;
    ConflictDialog *m_conflict = nullptr;
    QJsonObject m_current;      // the item in the database when a save conflicted
    QFutureWatcher<client::ApiResponse> m_checkWatcher; // the read just before an edit's save
    QFutureWatcher<client::ApiResponse> m_saveWatcher;
    QFutureWatcher<client::ApiResponse> m_readWatcher;
    QFutureWatcher<client::ApiResponse> m_deleteWatcher;
};

} // namespace dd::ui
