// TriggerDialog: the settings of a new local trigger for one table (the
// fields of Dynamodesk.CreateTrigger, with Lambda's defaults), validated as
// they are typed: OK stays disabled, with the reason shown, until the name,
// the command or URL and the failure file's folder are valid. OK does not
// close the dialog: it emits submitted() and the owner (TriggerPanel)
// creates the trigger, then closes it with accept() or shows the server's
// error with setError().
// GUI thread only.
#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace dd::ui {

class ErrorLabel;

class TriggerDialog : public QDialog {
    Q_OBJECT
public:
    TriggerDialog(const QString &table, QWidget *parent = nullptr);

    QJsonObject request() const;        // the CreateTrigger request of the fields
    QString validationError() const;    // empty when the fields are valid
    void setError(const QString &message); // the server's answer to submitted(); re-enables OK

signals:
    void submitted(const QJsonObject &request);

private:
    void validate();

    QString m_table;
    QLineEdit *m_name;
    QComboBox *m_kind;       // Command or URL
    QLineEdit *m_target;
    QSpinBox *m_batchSize;
    QSpinBox *m_window;
    QComboBox *m_position;
    QSpinBox *m_retries;
    QCheckBox *m_bisect;
    QLineEdit *m_failureFile;
    QSpinBox *m_timeout;
    QCheckBox *m_enabled;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace dd::ui
