// Compacting an embedded connection's data folder ("Compact data folder…",
// DynamoDB Local's -optimizeDbBeforeStartup): the space that deleted tables
// and items left inside the region files goes back to the file system. The
// caller closes the connection first (its engine holds the folder's lock);
// runCompaction() then opens the folder again with
// EngineOptions::compactBeforeOpening, reporting each region file as a step
// (progress text: the file's name), and hands back the opened engine. An
// encrypted folder opens with `encryptionKey`, its passphrase or key (empty
// for a folder in the clear). Setting *cancel interrupts the file being
// compacted (it stays as it was) and skips the rest; the folder is opened
// either way, and the future finishes with its outcome (so the future
// itself is never cancelled: a cancelled QPromise would drop the opened
// engine).
// Runs off the GUI thread (QtConcurrent::run).
#pragma once

#include <QByteArray>
#include <QPromise>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace dd::api {
class Engine;
}

namespace dd::ui {

struct CompactionOutcome {
    std::shared_ptr<api::Engine> engine; // the folder opened again; null if it could not be (see error)
    QString error;
    QStringList files;        // one line per region file: its sizes, or why it was left as it was
    qint64 bytesBefore = 0;   // of the files compacted
    qint64 bytesAfter = 0;
    bool canceled = false;
};

void runCompaction(QPromise<CompactionOutcome> &promise, const QString &dataDir, std::shared_ptr<const std::atomic<bool>> cancel,
                   const QByteArray &encryptionKey);

} // namespace dd::ui
