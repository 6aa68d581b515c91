// TableDesigner: the dialog that designs and creates a table: keys, billing,
// secondary indexes, stream, tags; validated live with DynamoDB's rules (the
// reason beside each field), with the AWS CLI command and the
// --cli-input-json JSON shown and copyable. Create sends CreateTable through
// the Connection; the dialog closes when it succeeds and shows DynamoDB's
// message when it fails.
#pragma once

#include "client/client.h"
#include "designer/tabledesign.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace dd::ui {

class Connection;
class ErrorLabel;
class IndexRow;
class KeyTypeCombo;

class TableDesigner : public QDialog {
    Q_OBJECT
public:
    TableDesigner(Connection *connection, QWidget *parent = nullptr); // connection not owned; must outlive this
    ~TableDesigner() override;

    TableDesign design() const;
    QString cliCommand() const;
    QString cliInputJson() const;

    IndexRow *addIndex(bool global); // appends an empty index row

signals:
    void tableCreated(const QString &tableName);

private:
    void revalidate();
    void create();
    void onCreated();

    Connection *m_connection;
    QLineEdit *m_tableName;
    ErrorLabel *m_tableNameError;
    QLineEdit *m_partition;
    KeyTypeCombo *m_partitionType;
    ErrorLabel *m_partitionError;
    QLineEdit *m_sort;
    KeyTypeCombo *m_sortType;
    ErrorLabel *m_sortError;
    QComboBox *m_billing;
    QSpinBox *m_read;
    QSpinBox *m_write;
    ErrorLabel *m_capacityError;
    QComboBox *m_stream;
    QWidget *m_indexTitles;
    QVBoxLayout *m_indexLayout;
    QList<IndexRow *> m_indexes;
    ErrorLabel *m_indexesError;
    QTableWidget *m_tags;
    ErrorLabel *m_tagsError;
    QPlainTextEdit *m_preview;
    QComboBox *m_previewKind;
    ErrorLabel *m_apiError;
    QPushButton *m_create;
    QFutureWatcher<client::ApiResponse> m_watcher; // CreateTable in flight
};

} // namespace dd::ui
