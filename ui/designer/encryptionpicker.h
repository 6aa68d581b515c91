// EncryptionPicker: the designer's "Encryption at rest" field, the AWS
// console's three choices (owned by Amazon DynamoDB, the AWS managed key,
// a customer managed key) and, for the last, the KMS key to use. The
// designer shows its errors beside it. GUI thread only.
#pragma once

#include "common/tableencryption.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace dd::ui {

class EncryptionPicker : public QWidget {
    Q_OBJECT
public:
    explicit EncryptionPicker(QWidget *parent = nullptr);

    TableEncryption encryption() const; // the key only with a customer managed key, trimmed
    void setEncryption(const TableEncryption &encryption);
    QComboBox *choice() const { return m_choice; } // the label's buddy

signals:
    void changed();

private:
    void updateKeyField();

    QComboBox *m_choice;
    QLineEdit *m_key;
};

} // namespace dd::ui
