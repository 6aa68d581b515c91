#include "connections/encryptionchange.h"

#include "api/engine.h"
#include "connections/connection.h"

#include <QCoreApplication>
#include <QDir>

namespace dd::ui {

void runEncryptionChange(QPromise<EncryptionOutcome> &promise, const QString &dataDir, const EncryptionChange &change)
{
    Connection::waitForRetired(dataDir); // the folder's connections, just closed, release its lock
    using Options = api::EngineOptions;
    EncryptionOutcome out;
    Options options;
    options.dataDir = dataDir;
    options.encryptionKey = change.secret;
    switch (change.kind) {
    case EncryptionChange::Kind::Encrypt:
        options.encryptionChange = Options::EncryptionChange::Encrypt;
        break;
    case EncryptionChange::Kind::Decrypt:
        options.encryptionChange = Options::EncryptionChange::Decrypt;
        break;
    case EncryptionChange::Kind::ChangePassphrase:
        options.newEncryptionKey = change.newSecret;
        promise.setProgressValueAndText(0, QCoreApplication::translate("dd::ui::EncryptionChange", "Changing the passphrase…"));
        break;
    }
    const bool encrypting = change.kind == EncryptionChange::Kind::Encrypt;
    const QDir dir(dataDir);
    options.converting = [&](const QString &file, int index, int count) {
        // Half a file in at its start, as compaction.cpp: QPromise ignores a
        // value that does not grow, and the first file's would be 0.
        promise.setProgressRange(0, 2 * count);
        const QString name = dir.relativeFilePath(file);
        promise.setProgressValueAndText(2 * index + 1,
                                        encrypting ? QCoreApplication::translate("dd::ui::EncryptionChange", "Encrypting %1 (%2 of %3)…").arg(name).arg(index + 1).arg(count)
                                                   : QCoreApplication::translate("dd::ui::EncryptionChange", "Decrypting %1 (%2 of %3)…").arg(name).arg(index + 1).arg(count));
        out.filesConverted = index + 1;
    };
    auto engine = api::Engine::open(options);
    if (engine.ok()) {
        out.engine = std::shared_ptr<api::Engine>(std::move(*engine).release());
    } else {
        out.error = engine.error().message();
        out.errorType = engine.error().type();
    }
    promise.addResult(std::move(out));
}

} // namespace dd::ui
