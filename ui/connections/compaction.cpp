#include "connections/compaction.h"

#include "api/engine.h"
#include "connections/connection.h"

#include <QCoreApplication>
#include <QLocale>

namespace dd::ui {

void runCompaction(QPromise<CompactionOutcome> &promise, const QString &dataDir, std::shared_ptr<const std::atomic<bool>> cancel,
                   const QByteArray &encryptionKey)
{
    Connection::waitForRetired(dataDir); // the folder's connections, just closed, release its lock
    CompactionOutcome out;
    const QLocale locale;
    api::EngineOptions options;
    options.dataDir = dataDir;
    options.encryptionKey = encryptionKey;
    options.compactBeforeOpening = true;
    options.compactionCancelled = [&cancel] { return cancel->load(std::memory_order_relaxed); };
    options.compacting = [&promise](const QString &region, int index, int count) {
        // Half a file in at its start: QPromise ignores a value that does
        // not grow, and the first file's would be 0.
        promise.setProgressRange(0, 2 * count);
        promise.setProgressValueAndText(2 * index + 1, QCoreApplication::translate("dd::ui::Compaction", "Compacting %1.db (%2 of %3)…").arg(region).arg(index + 1).arg(count));
    };
    options.compacted = [&](const QString &region, qint64 before, qint64 after, const QString &error) {
        if (error.isEmpty()) {
            out.bytesBefore += before;
            out.bytesAfter += after;
            out.files << QCoreApplication::translate("dd::ui::Compaction", "%1.db: %2, then %3").arg(region, locale.formattedDataSize(before), locale.formattedDataSize(after));
        } else {
            out.files << QCoreApplication::translate("dd::ui::Compaction", "%1.db: left as it was (%2)").arg(region, error);
        }
    };
    auto engine = api::Engine::open(options);
    out.canceled = cancel->load();
    if (engine.ok())
        out.engine = std::shared_ptr<api::Engine>(std::move(*engine).release());
    else
        out.error = engine.error().message();
    promise.addResult(std::move(out));
}

} // namespace dd::ui
