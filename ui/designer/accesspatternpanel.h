// AccessPatternPanel: the designer's list of access patterns (one
// AccessPatternRow each), resolved live against the design: each row says
// which key or index serves it, or offers the GSI that would. A pattern
// names one partition and one sort attribute, so a GSI with a
// multi-attribute key serves few; a note under the intro names those GSIs.
#pragma once

#include "designer/accesspattern.h"
#include "designer/tabledesign.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace dd::ui {

class AccessPatternRow;

class AccessPatternPanel : public QWidget {
    Q_OBJECT
public:
    explicit AccessPatternPanel(QWidget *parent = nullptr);

    QList<AccessPattern> patterns() const;
    void setPatterns(const QList<AccessPattern> &patterns); // replaces the rows
    AccessPatternRow *addPattern();                         // appends an empty row
    QList<AccessPatternRow *> rows() const { return m_rows; }
    // Resolves every row against `design`; `attributes` are offered in the rows' combos.
    void setDesign(const TableDesign &design, const QStringList &attributes);

signals:
    void changed();
    void addIndexRequested(const IndexDesign &index);

private:
    void resolve();

    TableDesign m_design;
    QStringList m_attributes;
    QList<AccessPatternRow *> m_rows;
    QVBoxLayout *m_rowLayout;
    QLabel *m_summary;
    QLabel *m_multiNote; // names the multi-attribute GSIs and when they serve a pattern
};

} // namespace dd::ui
