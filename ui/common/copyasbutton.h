// The "Copy as" button of the table browser and the transaction builder:
// a click copies the request as an AWS CLI command, as before; its arrow
// opens a menu that also copies it as Python (boto3) or JavaScript (AWS SDK
// for JavaScript v3) code (common/codesnippet.h). The button is named
// "copyCli"; its menu's actions "copyAsCli", "copyAsPython" and
// "copyAsJavaScript".
#pragma once

#include "common/codesnippet.h"

#include <QString>
#include <QToolButton>

namespace dd::ui {

class CopyAsButton : public QToolButton {
    Q_OBJECT
public:
    // `text` is the button's own label (its click copies the AWS CLI command).
    CopyAsButton(const QString &text, QWidget *parent);

    // "Copied the Python (boto3) code", for the status bar.
    static QString copiedMessage(CopyFormat format);

signals:
    void copyRequested(dd::ui::CopyFormat format);
};

} // namespace dd::ui
