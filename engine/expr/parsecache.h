// ParseCache: the parsed, unresolved ASTs of recent expression texts, so
// that a request repeating an expression (the common case: applications
// send the same few expressions with different values) skips the lexer and
// the parser. The resolve pass, which depends on the request's names and
// values, still runs on a copy for every request. Only successful parses
// are kept; syntax errors are re-parsed to build their message.
//
// Thread-safe: one mutex around a small LRU; lookups copy a shared_ptr.
#pragma once

#include <QHash>
#include <QString>

#include <list>
#include <memory>
#include <mutex>

namespace dd::expr {

template <typename T>
class ParseCache {
public:
    // Entries kept at most; the least recently used one goes first.
    static constexpr qsizetype kCapacity = 512;

    // The cached tree for `text`, or null.
    std::shared_ptr<const T> find(const QString &text)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(text);
        if (it == m_entries.end())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, it->position);
        return it->tree;
    }

    // Remembers `tree` as the parse of `text`.
    void insert(const QString &text, std::shared_ptr<const T> tree)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.contains(text))
            return;
        if (m_entries.size() >= kCapacity) {
            m_entries.remove(m_order.back());
            m_order.pop_back();
        }
        m_order.push_front(text);
        m_entries.insert(text, Entry{std::move(tree), m_order.begin()});
    }

private:
    struct Entry {
        std::shared_ptr<const T> tree;
        typename std::list<QString>::iterator position; // in m_order
    };
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_order; // most recently used first
};

} // namespace dd::expr
