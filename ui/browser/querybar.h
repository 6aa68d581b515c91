// QueryBar: the Scan/Query form above the table browser's grid. The first
// row is shared: operation, the table or index (with its keys), page size,
// direction, consistency. Below it either the visual builder (QueryBuilder:
// key values, sort key condition, filter rows, projection) or the raw
// DynamoDB expressions (key condition, filter, projection, #name and :value
// placeholders). Switching to the raw view fills it from the builder;
// switching back keeps the builder as it was (edits to the raw text are
// not parsed back). It only builds the request; the browser runs it.
#pragma once

#include "common/codesnippet.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace dd::ui {

class ErrorLabel;
class QueryBuilder;

class QueryBar : public QWidget {
    Q_OBJECT
public:
    explicit QueryBar(QWidget *parent = nullptr);

    // DescribeTable's "Table": the indexes to offer and their key schemas.
    void setTable(const QJsonObject &description);
    // Attribute names seen in the results and the type each was seen with, for the builder's pickers.
    void setAttributes(const QStringList &names, const QHash<QString, QString> &types);
    // Builds the request for `table`. Returns false and sets *error (one
    // line, shown beside the form) when a field cannot be parsed.
    bool buildRequest(const QString &table, QString *operation, QJsonObject *request, QString *error) const;
    QString indexName() const; // empty for the table itself
    void showError(const QString &message);

    QueryBuilder *builder() const { return m_builder; }
    bool isRaw() const;
    void setRaw(bool raw);
    void setOperation(const QString &operation); // "Scan" or "Query"
    void setIndex(const QString &index);         // empty: the table

    // For tests and the screenshot tour: fill the raw form (switches to it).
    void setQuery(const QString &keyCondition, const QString &names, const QString &values, const QString &index = QString());

signals:
    void runRequested();
    void copyRequested(dd::ui::CopyFormat format); // the "Copy as" button: the form's request as a command or code

private:
    void updateMode();
    void updateKeys();
    void fillRawFromBuilder();

    QJsonObject m_description;
    QComboBox *m_mode;
    QComboBox *m_index;
    QToolButton *m_rawToggle;
    QStackedWidget *m_stack;
    QueryBuilder *m_builder;
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
    QString m_filledRaw; // the raw form as filled from the builder, to tell whether the user edited it
};

} // namespace dd::ui
