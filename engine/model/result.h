// Result<T>: either a value or an ApiError. The engine's functions return it
// instead of throwing. Result<void> carries success or an error only.
#pragma once

#include "model/apierror.h"

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace dd {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(ApiError error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { assert(ok()); return std::get<0>(m_v); }
    const T &value() const & { assert(ok()); return std::get<0>(m_v); }
    T &&value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const ApiError &error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, ApiError> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(ApiError error) : m_error(std::move(error)) {}
    static Result success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const ApiError &error() const { assert(!ok()); return *m_error; }

private:
    std::optional<ApiError> m_error;
};

} // namespace dd

// Propagate an error: DD_TRY(auto x, expr) style is awkward in C++, so these
// two macros cover the common cases.
#define DD_CHECK(expr)                                   \
    do {                                                 \
        auto dd_check_result_ = (expr);                  \
        if (!dd_check_result_.ok())                      \
            return dd_check_result_.error();             \
    } while (0)

#define DD_ASSIGN_CONCAT_INNER(a, b) a##b
#define DD_ASSIGN_CONCAT(a, b) DD_ASSIGN_CONCAT_INNER(a, b)
#define DD_ASSIGN(lhs, expr) DD_ASSIGN_IMPL(DD_ASSIGN_CONCAT(dd_assign_, __LINE__), lhs, expr)
#define DD_ASSIGN_IMPL(tmp, lhs, expr)                   \
    auto tmp = (expr);                                   \
    if (!tmp.ok())                                       \
        return tmp.error();                              \
    lhs = std::move(tmp).value()
