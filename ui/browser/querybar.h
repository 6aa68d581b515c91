// QueryBar: the Scan/Query form above the table browser's grid, in raw
// DynamoDB expressions: index, key condition (Query), filter, projection,
// #name and :value placeholders, page size, direction, consistency. It only
// builds the request; the browser runs it.
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dd::ui {

class ErrorLabel;

class QueryBar : public QWidget {
    Q_OBJECT
public:
    explicit QueryBar(QWidget *parent = nullptr);

    void setIndexes(const QStringList &indexNames); // the table's GSIs and LSIs
    // Builds the request for `table`. Returns false and sets *error (one
    // line, shown beside the form) when a field cannot be parsed.
    bool buildRequest(const QString &table, QString *operation, QJsonObject *request, QString *error) const;
    QString indexName() const; // empty for the table itself
    void showError(const QString &message);

    // For tests and the screenshot tour: fill the form.
    void setQuery(const QString &keyCondition, const QString &names, const QString &values, const QString &index = QString());

signals:
    void runRequested();
    void copyCliRequested();

private:
    void updateMode();

    QComboBox *m_mode;
    QComboBox *m_index;
    QLineEdit *m_keyCondition;
    QLabel *m_keyConditionLabel;
    QLineEdit *m_filter;
    QLineEdit *m_projection;
    QLineEdit *m_names;
    QLineEdit *m_values;
    QSpinBox *m_pageSize;
    QCheckBox *m_descending;
    QCheckBox *m_consistent;
    ErrorLabel *m_error;
};

} // namespace dd::ui
