#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <functional>
#include <optional>

namespace stable {

// A long ordered list read by position a page at a time, for item models over tables of tens of
// thousands of rows: only the pages a view looks at are read, and at most `maxPages` are kept, the
// least recently used given up first. A page next to a cached one is read by keyset from that
// page's edge (scrolling costs one short index walk a page); any other page is found by seeking the
// key just before it (dragging the scrollbar to the end reads one page, not every page above it).
template <typename Row, typename Key>
class PagedRows
{
public:
    struct Source
    {
        // Up to `limit` rows after `key` in list order; from the first row when nullopt.
        std::function<Result<QList<Row>>(const std::optional<Key>& after, int limit)> after;
        // Up to `limit` rows just before `key`, in list order.
        std::function<Result<QList<Row>>(const Key& before, int limit)> before;
        // The key of the row at `position` (from 0) in list order.
        std::function<Result<Key>(int position)> keyAt;
        std::function<Key(const Row&)> keyOf;
    };

    PagedRows(int pageSize, int maxPages) : m_pageSize(std::max(pageSize, 1)), m_maxPages(std::max(maxPages, 2)) {}

    void setSource(Source source)
    {
        m_source = std::move(source);
        reset(0);
    }
    // Forgets every page: the list now has `count` rows.
    void reset(int count)
    {
        m_count = std::max(count, 0);
        m_pages.clear();
        m_error.clear();
    }

    int count() const { return m_count; }
    int pageSize() const { return m_pageSize; }
    int cachedPages() const { return static_cast<int>(m_pages.size()); }
    // Why the last page could not be read (empty when it could).
    QString error() const { return m_error; }

    // The row at `position`, reading its page when it is not cached; nullptr past the end, or when the
    // page could not be read or has fewer rows than counted (the table changed since: a refresh follows).
    const Row* at(int position)
    {
        if (position < 0 || position >= m_count)
            return nullptr;
        const Page* page = pageOf(position / m_pageSize);
        const int offset = position % m_pageSize;
        return page && offset < page->rows.size() ? &page->rows.at(offset) : nullptr;
    }

    // The position of a cached row, or -1.
    template <typename Match>
    int findCached(const Match& match) const
    {
        for (const Page& page : m_pages)
            for (int i = 0; i < page.rows.size(); ++i)
                if (match(page.rows.at(i)))
                    return page.index * m_pageSize + i;
        return -1;
    }

private:
    struct Page
    {
        int index = 0;
        QList<Row> rows;
        quint64 used = 0;
    };

    Page* cached(int index)
    {
        for (Page& page : m_pages)
            if (page.index == index)
                return &page;
        return nullptr;
    }

    const Page* pageOf(int index)
    {
        if (Page* page = cached(index)) {
            page->used = ++m_clock;
            return page;
        }
        auto rows = read(index);
        if (!rows.ok()) {
            m_error = rows.message();
            return nullptr;
        }
        if (m_pages.size() >= m_maxPages) {
            const auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                                 [](const Page& a, const Page& b) { return a.used < b.used; });
            m_pages.erase(oldest);
        }
        m_pages.append(Page{index, std::move(rows).value(), ++m_clock});
        return &m_pages.last();
    }

    Result<QList<Row>> read(int index)
    {
        if (index == 0)
            return m_source.after(std::nullopt, m_pageSize);
        if (const Page* previous = cached(index - 1); previous && previous->rows.size() == m_pageSize)
            return m_source.after(m_source.keyOf(previous->rows.constLast()), m_pageSize);
        if (const Page* next = cached(index + 1); next && !next->rows.isEmpty())
            return m_source.before(m_source.keyOf(next->rows.constFirst()), m_pageSize);
        auto key = m_source.keyAt(index * m_pageSize - 1);
        if (!key.ok())
            return key.error();
        return m_source.after(key.value(), m_pageSize);
    }

    Source m_source;
    int m_pageSize;
    int m_maxPages;
    int m_count = 0;
    QList<Page> m_pages;
    quint64 m_clock = 0;
    QString m_error;
};

} // namespace stable
