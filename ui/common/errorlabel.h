// ErrorLabel: the reason shown beside a field ("Must be 3 to 255 characters
// long"); hidden while empty, in a red that reads on light and dark palettes.
#pragma once

#include <QLabel>

namespace dd::ui {

class ErrorLabel : public QLabel {
    Q_OBJECT
public:
    explicit ErrorLabel(QWidget *parent = nullptr);
    void setError(const QString &message); // empty hides the label

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();
};

} // namespace dd::ui
