// AccessPatternRow: one access pattern in the designer's list: what the
// application asks, the attribute it looks up by (=), the sort attribute and
// its operator, the order, and below them which key or index serves it, or
// that none does with a one-click "Add this index".
#pragma once

#include "designer/accesspattern.h"
#include "designer/patternresolution.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dd::ui {

class AccessPatternRow : public QWidget {
    Q_OBJECT
public:
    explicit AccessPatternRow(QWidget *parent = nullptr);

    AccessPattern pattern() const;
    void setPattern(const AccessPattern &pattern);
    // The attribute names offered in the two attribute combos (typing others is allowed).
    void setAttributes(const QStringList &names);
    // Shows how `resolution` serves the pattern; "Add this index" offers its suggestion.
    void showResolution(const PatternResolution &resolution);
    const PatternResolution &resolution() const { return m_resolution; }

signals:
    void changed();
    void removeRequested();
    void addIndexRequested(const IndexDesign &index);

private:
    QLineEdit *m_name;
    QComboBox *m_partition;
    QComboBox *m_sort;
    QComboBox *m_operator;
    QComboBox *m_order;
    QLabel *m_result;
    QPushButton *m_addIndex;
    PatternResolution m_resolution;
};

} // namespace dd::ui
