// RestoreDialog: the options of "Restore to new table…": the target table's
// name (checked live with DynamoDB's naming rules), whether to restore the
// secondary indexes, and the billing mode (the source's, on-demand, or
// provisioned with given capacity). It builds the request of
// RestoreTableFromBackup or RestoreTableToPointInTime; the view sends it.
// GUI thread only; never calls the API itself.
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

class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    // `source` describes what is restored (one line, shown at the top);
    // `suggestedName` fills the target name.
    RestoreDialog(const QString &source, const QString &suggestedName, QWidget *parent = nullptr);

    QString targetName() const;
    void setTargetName(const QString &name);
    // The request's options: TargetTableName, the index overrides (empty
    // lists without indexes), BillingModeOverride and
    // ProvisionedThroughputOverride. The caller adds the source.
    QJsonObject requestOptions() const;

private:
    void revalidate();

    QLineEdit *m_name;
    ErrorLabel *m_nameError;
    QCheckBox *m_indexes;
    QComboBox *m_billing;
    QSpinBox *m_read;
    QSpinBox *m_write;
    QDialogButtonBox *m_buttons;
};

} // namespace dd::ui
