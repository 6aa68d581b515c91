// FilterRow: one condition of the visual query builder's filter:
// attribute (a name or a nested path, with the names seen so far offered),
// operator, value type and value(s). The second value shows for BETWEEN;
// no value for exists / not exists.
#pragma once

#include "browser/queryspec.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QLabel;

namespace dd::ui {

class FilterRow : public QWidget {
    Q_OBJECT
public:
    explicit FilterRow(QWidget *parent = nullptr);

    QueryCondition condition() const;
    void setCondition(const QueryCondition &condition);
    // The attribute names to offer, and the type each was seen with (to preset the value type).
    void setAttributes(const QStringList &names, const QHash<QString, QString> &types);

signals:
    void removeRequested();
    void runRequested();

private:
    void updateFields();

    QComboBox *m_attribute;
    QComboBox *m_op;
    QComboBox *m_type;
    QLineEdit *m_value;
    QLabel *m_and;
    QLineEdit *m_value2;
    QHash<QString, QString> m_types;
};

} // namespace dd::ui
