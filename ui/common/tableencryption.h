// TableEncryption: a table's encryption at rest as the AWS console offers it
// (a key owned by DynamoDB, the AWS managed key aws/dynamodb, or a customer
// managed KMS key), read from DescribeTable's SSEDescription or a CreateTable
// request's SSESpecification, and the SSESpecification that asks for it.
// The designer edits it, the connection tree's tooltip shows it. Value type;
// text() uses tr(), so call it on the GUI thread; the rest is safe anywhere.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace dd::ui {

struct TableEncryption {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::TableEncryption)
public:
    enum class Kind { Owned, AwsManaged, CustomerManaged };

    Kind kind = Kind::Owned;
    QString key; // CustomerManaged only: the KMSMasterKeyId as typed, or the KMSMasterKeyArn read back

    // From DescribeTable's "Table" (SSEDescription) or a CreateTable request
    // (SSESpecification). A KMS key is the AWS managed one when its ARN is
    // what the embedded engine and dynamodesk-server give alias/aws/dynamodb
    // in the table's region and account (from TableArn). On AWS only KMS
    // (DescribeKey's KeyManager) can tell; there that key reads back as a
    // customer managed key with its ARN, which asks for the same key.
    static TableEncryption fromDescription(const QJsonObject &table);

    // The SSESpecification asking for this setting: {"Enabled": false} for
    // Owned (UpdateTable's way back; CreateTable sends none), else Enabled,
    // SSEType KMS and, for a customer key, KMSMasterKeyId.
    QJsonObject specification() const;

    // Why `key` is no KMSMasterKeyId DynamoDB would take (a key id, a
    // multi-region key id "mrk-...", "alias/<name>" or an "arn:aws:kms:" key
    // or alias ARN), translated; empty if it looks like one. A light check:
    // only KMS knows whether the key exists.
    static QString keyProblem(const QString &key);

    // "Owned by Amazon DynamoDB", "AWS managed key", "Customer managed key: <key>", translated.
    QString text() const;

    // The key ARN DynamoDB-compatible engines of this project give the AWS
    // managed key in `region` of `account`.
    static QString awsManagedKeyArn(const QString &region, const QString &account);

    bool operator==(const TableEncryption &other) const = default;
};

} // namespace dd::ui
