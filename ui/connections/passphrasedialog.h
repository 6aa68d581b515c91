// PassphraseDialog: asks for the passphrase of an encrypted data folder.
// Unlock: one field, to open the folder; setError() says why the last one
// did not (a wrong passphrase). Choose: a new passphrase and its
// confirmation (Encrypt data folder…, Change passphrase…); OK accepts only
// when they match and are not empty, and otherwise says why beside them.
// Either takes a 64-hex-digit key instead of a passphrase, as
// dynamodesk-server's key files do.
//
// Named "passphraseDialog"; its fields "passphrase" and "confirmPassphrase"
// (Choose only), its message "passphraseError". The caller shows it with
// open() and reads passphrase() once accepted.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace dd::ui {

class ErrorLabel;

class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Choose };

    // `text` says what the passphrase is for and names the folder.
    PassphraseDialog(Mode mode, const QString &title, const QString &text, QWidget *parent = nullptr);

    QByteArray passphrase() const; // as typed, in UTF-8
    void setError(const QString &message); // empty hides it
    QString error() const;
    QString text() const;

    // Why `passphrase` and `confirmation` cannot be a new passphrase; empty if they can.
    static QString choiceError(const QString &passphrase, const QString &confirmation);

    void accept() override; // Choose: only once choiceError() is empty

private:
    Mode m_mode;
    QLabel *m_text;
    QLineEdit *m_passphrase;
    QLineEdit *m_confirmation = nullptr; // Choose only
    ErrorLabel *m_error;
};

} // namespace dd::ui
