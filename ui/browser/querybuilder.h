// QueryBuilder: the visual form of the table browser's Scan and Query:
// the partition key value and a sort key condition (=, <, <=, >, >=,
// between, begins_with) of the table or index queried, typed by its key
// schema; filter conditions (FilterRow) joined by AND or OR; and a
// projection picked from the attribute names seen. It produces a QuerySpec;
// queryspec::apply() turns that into expressions with placeholders.
#pragma once

#include "browser/queryspec.h"
#include "common/tablekeys.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QVBoxLayout;

namespace dd::ui {

class FilterRow;

class QueryBuilder : public QWidget {
    Q_OBJECT
public:
    explicit QueryBuilder(QWidget *parent = nullptr);

    void setKeys(const TableKeys &keys); // of the table or the index chosen
    void setQueryMode(bool query);       // Query shows the key conditions
    void setAttributes(const QStringList &names, const QHash<QString, QString> &types);

    QuerySpec spec() const;
    FilterRow *addFilter();
    QList<FilterRow *> filters() const { return m_filters; }
    void clearFilters();
    // For tests and the screenshot tour.
    void setPartitionValue(const QString &value);
    void setSortCondition(const QString &op, const QString &value, const QString &value2 = QString());
    void setProjection(const QStringList &attributes);

signals:
    void runRequested();
    void changed();

private:
    void updateSortFields();
    void updatePickMenu();

    TableKeys m_keys;
    QStringList m_names;
    QHash<QString, QString> m_types;
    QWidget *m_keyRow;
    QLabel *m_partitionLabel;
    QLineEdit *m_partitionValue;
    QLabel *m_sortLabel;
    QComboBox *m_sortOp;
    QLineEdit *m_sortValue;
    QLabel *m_sortAnd;
    QLineEdit *m_sortValue2;
    QComboBox *m_match;
    QVBoxLayout *m_filterLayout;
    QList<FilterRow *> m_filters;
    QLineEdit *m_projection;
    QToolButton *m_pick;
};

} // namespace dd::ui
