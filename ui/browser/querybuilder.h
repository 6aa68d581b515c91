// QueryBuilder: the visual form of the table browser's Scan and Query:
// the partition key value and a sort key condition (=, <, <=, >, >=,
// between, begins_with) of the table or index queried, typed by its key
// schema (a GSI with a multi-attribute key: a value per partition
// attribute on one line, a condition per sort attribute, in key order, on
// the next); filter conditions (FilterRow) joined by AND or OR; and a
// projection picked from the attribute names seen. It produces a QuerySpec;
// queryspec::apply() turns that into expressions with placeholders.
#pragma once

#include "browser/queryspec.h"
#include "common/tablekeys.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
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
    // For tests and the screenshot tour. `attribute` counts from 0 in key-schema order.
    void setPartitionValue(const QString &value, int attribute = 0);
    void setSortCondition(const QString &op, const QString &value, const QString &value2 = QString(), int attribute = 0);
    void setProjection(const QStringList &attributes);

signals:
    void runRequested();
    void changed();

private:
    struct PartitionField {
        QLabel *label;
        QLineEdit *value;
    };
    struct SortField {
        QLabel *label;
        QComboBox *op;
        QLineEdit *value;
        QLabel *andLabel;
        QLineEdit *value2;
    };
    PartitionField makePartitionField(int attribute);
    SortField makeSortField(int attribute);
    void layoutKeyFields();
    void updateSortFields();
    void updatePickMenu();

    TableKeys m_keys;
    QStringList m_names;
    QHash<QString, QString> m_types;
    QWidget *m_keyRow;
    QHBoxLayout *m_partitionLine;        // the partition fields; for a single-attribute key also the sort field
    QHBoxLayout *m_sortLine;             // a multi-attribute key's sort fields
    QList<PartitionField> m_partitions;  // one per partition attribute (at least one)
    QList<SortField> m_sorts;            // one per sort attribute (at least one, hidden without a sort key)
    QComboBox *m_match;
    QVBoxLayout *m_filterLayout;
    QList<FilterRow *> m_filters;
    QLineEdit *m_projection;
    QToolButton *m_pick;
};

} // namespace dd::ui
