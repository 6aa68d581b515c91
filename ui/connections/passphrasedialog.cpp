#include "connections/passphrasedialog.h"

#include "common/errorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace dd::ui {

PassphraseDialog::PassphraseDialog(Mode mode, const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(title);
    m_text = new QLabel(text, this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("passphraseError"));

    auto *form = new QFormLayout;
    form->addRow(mode == Mode::Choose ? tr("New &passphrase:") : tr("&Passphrase:"), m_passphrase);
    if (mode == Mode::Choose) {
        m_confirmation = new QLineEdit(this);
        m_confirmation->setObjectName(QStringLiteral("confirmPassphrase"));
        m_confirmation->setEchoMode(QLineEdit::Password);
        form->addRow(tr("Con&firm passphrase:"), m_confirmation);
        connect(m_confirmation, &QLineEdit::textEdited, this, [this] { setError(QString()); });
    }
    connect(m_passphrase, &QLineEdit::textEdited, this, [this] { setError(QString()); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Choose ? tr("&OK") : tr("&Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_passphrase->setFocus();
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void PassphraseDialog::setError(const QString &message)
{
    m_error->setError(message);
    // A shown window keeps its height: make room for a message that wraps.
    if (isVisible()) {
        layout()->activate();
        resize(width(), std::max(height(), layout()->totalHeightForWidth(width())));
    }
}

QString PassphraseDialog::error() const
{
    return m_error->text();
}

QString PassphraseDialog::text() const
{
    return m_text->text();
}

QString PassphraseDialog::choiceError(const QString &passphrase, const QString &confirmation)
{
    if (passphrase.isEmpty())
        return tr("Enter a passphrase.");
    if (passphrase != confirmation)
        return tr("The two passphrases differ.");
    return {};
}

void PassphraseDialog::accept()
{
    const QString why = m_mode == Mode::Choose ? choiceError(m_passphrase->text(), m_confirmation->text())
                        : m_passphrase->text().isEmpty() ? tr("Enter the passphrase.")
                                                         : QString();
    if (!why.isEmpty()) {
        setError(why);
        m_passphrase->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace dd::ui
