// TtlEditor: the two TTLs of one DAX parameter group, in milliseconds:
// record-ttl-millis (the item cache) and query-ttl-millis (the query
// cache). Each field takes a whole number from 0 up (DAX's allowed values
// "0-"), says what it means ("= 1 min 30 s", "never expire", "not cached")
// and, as the user types, what is wrong with it. Save (or Enter) asks for
// the change with saveRequested() while both values are valid and one of
// them differs from the group's. A read-only group (default.dax1.0) is
// shown with a note. It makes no calls: ParameterGroupsPanel does.
//
// GUI thread only.
#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace dd::ui {

class ErrorLabel;

class TtlEditor : public QGroupBox {
    Q_OBJECT
public:
    explicit TtlEditor(QWidget *parent = nullptr);

    // Shows `group`'s values as DAX holds them; a read-only group's cannot be saved.
    void showGroup(const QString &group, const QString &recordTtlMs, const QString &queryTtlMs, bool readOnly);
    // Shows no values (`group` being read, or none if empty).
    void clear(const QString &group);
    // Types into the two fields, as the user would.
    void setTtls(const QString &recordTtlMs, const QString &queryTtlMs);
    // Save stays disabled while a change runs.
    void setSaving(bool saving);

    QString group() const { return m_group; } // the group whose values are shown; empty while none
    QString recordTtl() const;                // the fields' text
    QString queryTtl() const;
    bool isReadOnly() const { return m_readOnly; }
    bool canSave() const;                     // the Save button's state
    QString errorText() const;                // what is wrong with the values; empty if nothing

    // Empty if `text` is a valid TTL; otherwise what is wrong with it.
    static QString problem(const QString &text);
    // What a valid TTL means ("= 1 min 1 s 500 ms"; `zeroMeaning` for 0); empty if it is not valid.
    static QString meaning(const QString &text, const QString &zeroMeaning);

signals:
    // Save was asked for with these values (both valid).
    void saveRequested(const QString &recordTtlMs, const QString &queryTtlMs);

private:
    void requestSave();
    void updateForm();

    QString m_group;
    QString m_loadedRecordTtl; // the shown group's values as DAX holds them
    QString m_loadedQueryTtl;
    bool m_readOnly = true;
    bool m_saving = false;

    QLineEdit *m_recordTtl;
    QLineEdit *m_queryTtl;
    QLabel *m_recordMeaning;
    QLabel *m_queryMeaning;
    QLabel *m_readOnlyNote;
    ErrorLabel *m_error;
    QPushButton *m_saveButton;
};

} // namespace dd::ui
