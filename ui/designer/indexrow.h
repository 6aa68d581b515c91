// IndexRow: one secondary index in the table designer (kind, name, keys,
// projection, included attributes) with the reasons its fields are invalid.
// A global index may have a multi-attribute key (AWS, November 2025): "+"
// beside the first partition or sort attribute adds a line under it (up to
// four each), "−" on an added line removes it. A local index keeps one
// partition (the table's) and one sort attribute.
#pragma once

#include "designer/tabledesign.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLineEdit;
class QLabel;
class QToolButton;

namespace dd::ui {

class ErrorLabel;
class KeyTypeCombo;

class IndexRow : public QWidget {
    Q_OBJECT
public:
    IndexRow(bool global, QWidget *parent = nullptr);

    IndexDesign design() const;
    void setDesign(const IndexDesign &design);
    // Edit mode: an index that exists cannot change (fields locked); a GSI
    // may still be deleted (`removable`), an LSI not.
    void setLocked(bool locked, bool removable);
    // For an LSI, the table's partition key (shown, not editable).
    void setTablePartition(const KeyAttribute &key);
    // Shows the issues whose field is "index:<i>:..." for this row's index i.
    void showIssues(int index, const QList<DesignIssue> &issues);
    bool isGlobal() const { return m_global; }
    // A GSI's key attribute lines: 1 to 4 each (a sort line may be empty).
    int partitionCount() const { return int(m_partitions.size()); }
    int sortCount() const { return int(m_sorts.size()); }
    // Appends a line for another partition (`sort` false) or sort attribute;
    // nothing beyond four or on an LSI. What the "+" buttons do.
    void addKeyAttribute(bool sort);
    // Where the first line's grid column `column` lies (0 kind, 1 name, 2/3
    // partition name/type, 4/5 sort name/type, 6 projection, 7 included, 8
    // remove), in this row's coordinates: the designer's headings follow it.
    QRect columnRect(int column) const;

signals:
    void changed();
    void removeRequested();

private:
    struct KeyLine {
        QLineEdit *name;
        KeyTypeCombo *type;
        QToolButton *remove;   // null on the first line
        QWidget *typeCell;     // holds type (and remove or the "+" button)
    };
    KeyLine makeLine(bool sort, int position);
    void removeKeyAttribute(bool sort, int position);
    void placeLines();
    void updateButtons();

    bool m_global;
    bool m_locked = false;
    QGridLayout *m_grid;
    QLabel *m_kind;
    QLineEdit *m_name;
    QList<KeyLine> m_partitions; // the first is the partition key (for an LSI, the table's)
    QList<KeyLine> m_sorts;
    QToolButton *m_addPartition;
    QToolButton *m_addSort;
    QComboBox *m_projection;
    QLineEdit *m_included;
    QWidget *m_remove;
    ErrorLabel *m_error;
};

} // namespace dd::ui
