// KeySchemas: the tables' key schemas a DAX node needs to read and write
// key bytes, from the engine's DescribeTable (asked straight, not through
// the cluster, which refuses it as DAX does), remembered for a few seconds
// per region and table. A table deleted and made again with another key
// within that time is read with the old schema once more, as the clients
// themselves keep a schema for a minute.
// Threads: any thread.
#pragma once

#include "daxwire/attributecodec.h"

#include <QHash>

#include <mutex>

namespace dd::api {
class Engine;
}

namespace dd::daxwire {

class KeySchemas {
public:
    static constexpr qint64 kKeepMs = 2000;

    explicit KeySchemas(api::Engine &engine) : m_engine(engine) {} // not owned; must outlive this

    // The key schema of `table` in `region`, or DescribeTable's error
    // (ResourceNotFoundException for a table that does not exist).
    Result<KeySchema> get(const QString &region, const QString &table);

private:
    struct Entry {
        KeySchema schema;
        qint64 expiresMs;
    };
    api::Engine &m_engine;
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries; // by "<region>/<table>"
};

} // namespace dd::daxwire
