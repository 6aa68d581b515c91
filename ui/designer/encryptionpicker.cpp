#include "designer/encryptionpicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace dd::ui {

EncryptionPicker::EncryptionPicker(QWidget *parent) : QWidget(parent)
{
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("encryption"));
    m_choice->addItem(tr("Owned by Amazon DynamoDB"), int(TableEncryption::Kind::Owned));
    m_choice->addItem(tr("AWS managed key (aws/dynamodb)"), int(TableEncryption::Kind::AwsManaged));
    m_choice->addItem(tr("Customer managed key (AWS KMS)"), int(TableEncryption::Kind::CustomerManaged));
    m_choice->setToolTip(tr("The AWS KMS key that encrypts the table at rest; every table is encrypted"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("kmsKey"));
    m_key->setPlaceholderText(tr("KMS key id, key ARN, alias name or alias ARN"));
    m_key->setToolTip(tr("e.g. alias/orders-key or arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_key, 1);
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        updateKeyField();
        emit changed();
    });
    connect(m_key, &QLineEdit::textChanged, this, &EncryptionPicker::changed);
    updateKeyField();
}

TableEncryption EncryptionPicker::encryption() const
{
    TableEncryption e;
    e.kind = TableEncryption::Kind(m_choice->currentData().toInt());
    if (e.kind == TableEncryption::Kind::CustomerManaged)
        e.key = m_key->text().trimmed();
    return e;
}

void EncryptionPicker::setEncryption(const TableEncryption &encryption)
{
    const QSignalBlocker blockChoice(m_choice);
    const QSignalBlocker blockKey(m_key);
    m_choice->setCurrentIndex(qMax(0, m_choice->findData(int(encryption.kind))));
    m_key->setText(encryption.key);
    updateKeyField();
}

void EncryptionPicker::updateKeyField()
{
    m_key->setEnabled(TableEncryption::Kind(m_choice->currentData().toInt()) == TableEncryption::Kind::CustomerManaged);
}

} // namespace dd::ui
