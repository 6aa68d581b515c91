// IndexRow: one secondary index in the table designer (kind, name, keys,
// projection, included attributes) with the reasons its fields are invalid.
#pragma once

#include "designer/tabledesign.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QLabel;

namespace dd::ui {

class ErrorLabel;

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

signals:
    void changed();
    void removeRequested();

private:
    bool m_global;
    QLabel *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_partition;
    QComboBox *m_partitionType;
    QLineEdit *m_sort;
    QComboBox *m_sortType;
    QComboBox *m_projection;
    QLineEdit *m_included;
    QWidget *m_remove;
    ErrorLabel *m_error;
};

} // namespace dd::ui
