#pragma once

// Driving the real widgets as a person would, shared by the tests that go through whole windows: the
// main window shown, a child found by its object name (a warning names what is missing), a button
// clicked with the mouse only when a person could, and text typed into a field.
#include "document.h"
#include "mainwindow.h"
#include "startup.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace stable::test {

template <typename T> T* child(QObject* parent, const QString& name)
{
    T* found = parent ? parent->findChild<T*>(name) : nullptr;
    if (!found)
        qWarning("no %s", qPrintable(name));
    return found;
}

inline void type(QWidget* parent, const QString& field, const QString& text)
{
    auto* edit = child<QLineEdit>(parent, field);
    QVERIFY(edit);
    QTest::keyClicks(edit, text);
}

inline void click(QWidget* parent, const QString& button)
{
    auto* widget = child<QPushButton>(parent, button);
    QVERIFY(widget);
    QVERIFY2(widget->isEnabled(), qPrintable(button + QStringLiteral(" is disabled")));
    QTest::mouseClick(widget, Qt::LeftButton);
}

// The app's main window with every view, at 1024×768 and on screen, as a person first sees it.
inline std::unique_ptr<MainWindow> showAppWindow()
{
    auto window = std::make_unique<MainWindow>();
    installViews(*window);
    window->resize(1024, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the main window was not shown");
    return window;
}

// A new, empty library file at `path`, opened in `window` in the Library view, as File → New Library… does.
inline bool openNewLibrary(MainWindow& window, const QString& path)
{
    return Document::create(path).ok() && window.openLibrary(path, View::Library).ok();
}

} // namespace stable::test
