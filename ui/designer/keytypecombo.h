// KeyTypeCombo: the three key attribute types, shown by name, valued by
// DynamoDB's tag ("S", "N", "B").
#pragma once

#include <QComboBox>

namespace dd::ui {

class KeyTypeCombo : public QComboBox {
    Q_OBJECT
public:
    explicit KeyTypeCombo(QWidget *parent = nullptr);
    QString type() const;              // "S", "N" or "B"
    void setType(const QString &type);
};

} // namespace dd::ui
