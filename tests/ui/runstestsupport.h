#pragma once

// Shared by the runs view's tests: the sample process published, two signers, opened as a document
// with a fixed clock, and a way to drive the modal dialogs the view opens.
#include "document.h"
#include "fixtures.h"
#include "runs.h"
#include "sql.h"
#include "testlibrary.h"

#include <QApplication>
#include <QDialog>
#include <QTimer>
#include <functional>

namespace stable::test {

struct RunsFixture
{
    TempLibrary lib;
    std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(testEpoch());
    std::unique_ptr<Document> document;

    explicit RunsFixture(const std::function<void(Library&)>& prepare = {})
    {
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        lib.signer(QStringLiteral("Bob King"), QStringLiteral("BK"));
        if (prepare)
            prepare(*lib);
        lib.close();
        auto opened = Document::open(lib.path());
        if (!opened.ok())
            qFatal("cannot open the sample library: %s", qPrintable(opened.message()));
        document = std::move(opened).value();
        document->setPollInterval(0);
        document->library().setClock(clock);
    }
    Library& library() { return document->library(); }

    Run start(const QString& title, RunKind kind = RunKind::Release)
    {
        StartRun request;
        request.stream = QStringLiteral("release");
        request.title = title;
        request.kind = kind;
        if (kind == RunKind::Plan) {
            request.plannedStart = clock->now();
            request.rollbackPoint = clock->now().addSecs(3600);
        }
        auto run = startRun(library(), request);
        if (!run.ok())
            qFatal("cannot start a run: %s", qPrintable(run.message()));
        return run.value();
    }

    qint64 count(const QString& table) { return rowCount(library(), table); }
};

// Runs `handle` on the next modal dialog of type T once it is shown (the view's exec() is running),
// looking again every few milliseconds so that handlers for a chain of dialogs can be set up front.
template <typename T>
void whenDialog(const std::function<void(T&)>& handle, int attemptsLeft = 500)
{
    QTimer::singleShot(attemptsLeft == 500 ? 0 : 10, qApp, [handle, attemptsLeft] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (attemptsLeft > 0)
                whenDialog<T>(handle, attemptsLeft - 1);
            else
                qWarning("no %s was shown", T::staticMetaObject.className());
            return;
        }
        handle(*dialog);
        if (dialog->isVisible())
            dialog->reject(); // the test is done with it; never leave a test hanging in exec()
    });
}

} // namespace stable::test
