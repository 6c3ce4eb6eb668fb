// User text is never markup in the app: a title, why, name, note or procedure that begins with a tag is
// shown as the characters typed — in labels, tooltips (of widgets and of item models), the text the app
// composes as HTML, the markdown preview (which loads no image) and message boxes — in real windows.
#include "document.h"
#include "fixtures.h"
#include "incidents.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentsview.h"
#include "librarytestsupport.h"
#include "libraryview.h"
#include "plaintext.h"
#include "process.h"
#include "runs/runsview.h"
#include "runstestsupport.h"
#include "stepeditor.h"
#include "testlibrary.h"

#include <QAbstractItemView>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>

using namespace stable;
using namespace stable::test;

namespace {

const QString hostile = QStringLiteral("<h1 style=\"color:red\">X</h1><img src=\"/tmp/x.png\">");

void expectPlainModel(const QAbstractItemModel* model, const QModelIndex& parent, int depth)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            const QString tip = index.data(Qt::ToolTipRole).toString();
            QVERIFY2(!tip.contains(hostile),
                     qPrintable(QStringLiteral("a tooltip of %1 reads markup: %2")
                                    .arg(QString::fromLatin1(model->metaObject()->className()), tip)));
        }
        if (depth > 0)
            expectPlainModel(model, model->index(row, 0, parent), depth - 1);
    }
}

// Nothing under `root` reads the hostile text as markup; returns how many labels show it as typed.
int expectPlainText(QWidget& root)
{
    int shownAsTyped = 0;
    for (QLabel* label : root.findChildren<QLabel*>()) {
        if (!label->text().contains(hostile))
            continue;
        if (label->textFormat() != Qt::PlainText) {
            qWarning() << "a label reads markup:" << label->objectName() << label->text();
            return -1;
        }
        ++shownAsTyped;
    }
    QList<QWidget*> widgets = root.findChildren<QWidget*>();
    widgets.append(&root);
    for (QWidget* widget : std::as_const(widgets)) {
        if (widget->toolTip().contains(hostile)) {
            qWarning() << "a tooltip reads markup:" << widget->metaObject()->className() << widget->toolTip();
            return -1;
        }
    }
    for (QAbstractItemView* view : root.findChildren<QAbstractItemView*>()) {
        if (view->model())
            expectPlainModel(view->model(), {}, 3);
        if (QTest::currentTestFailed())
            return -1;
    }
    for (QTextBrowser* browser : root.findChildren<QTextBrowser*>()) {
        const QString html = browser->toHtml();
        if (html.contains(QLatin1String("color:#ff0000"))) {
            qWarning() << "a text browser rendered markup:" << browser->objectName() << html;
            return -1;
        }
    }
    return shownAsTyped;
}

} // namespace

class TestPlainText : public QObject
{
    Q_OBJECT
private slots:
    void incidentTitleAndWhysShowAsTyped()
    {
        TempLibrary lib;
        publishSample(*lib, lib.signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        NewIncident incident;
        incident.stream = QStringLiteral("release");
        incident.title = hostile;
        incident.whatHappened = hostile;
        incident.injectedStep = QStringLiteral("build");
        incident.category = hostile;
        QVERIFY(addIncident(*lib, incident).ok());
        QVERIFY(analyseIncident(*lib, QStringLiteral("INC-1"), {hostile, hostile}, hostile).ok());
        auto document = openAsDocument(lib);

        IncidentsView view;
        view.resize(1100, 800);
        view.setDocument(document.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.selectRecord(QStringLiteral("incident"), QStringLiteral("INC-1")));
        auto* heading = view.findChild<QLabel*>(QStringLiteral("incidentHeading"));
        QVERIFY(heading);
        QCOMPARE(heading->text(), QStringLiteral("INC-1 — ") + hostile);
        QCOMPARE(heading->textFormat(), Qt::PlainText);
        QVERIFY(expectPlainText(view) >= 1);

        // A refusal that quotes what was typed.
        view.editor()->findChild<QLabel*>(QStringLiteral("message"))->setText(hostile);
        QCOMPARE(view.editor()->findChild<QLabel*>(QStringLiteral("message"))->textFormat(), Qt::PlainText);
    }

    void runTitleNoteAndStepIncidentsShowAsTyped()
    {
        RunsFixture fixture([](Library& library) {
            NewIncident incident;
            incident.stream = QStringLiteral("release");
            incident.title = hostile;
            incident.injectedStep = QStringLiteral("build");
            incident.detectedStep = QStringLiteral("build");
            if (!addIncident(library, incident).ok())
                qFatal("incident");
        });
        const Run run = fixture.start(hostile);
        auto signer = authenticate(fixture.library(), QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(signer.ok());
        SignRequest request;
        request.run = run.id;
        request.item = QStringLiteral("build/tests");
        request.note = hostile;
        request.evidence = hostile;
        QVERIFY(sign(fixture.library(), signer.value(), request).ok());

        RunsView view;
        view.resize(1200, 800);
        view.setDocument(fixture.document.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.selectItem(run.items.at(0).id));
        const auto* header = view.findChild<QLabel*>(QStringLiteral("runHeader"));
        QVERIFY(header);
        // Composed by the app as rich text, with the title escaped: it reads as typed.
        QCOMPARE(header->textFormat(), Qt::RichText);
        QVERIFY2(header->text().contains(hostile.toHtmlEscaped()), qPrintable(header->text()));
        const auto* details = view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"));
        QVERIFY(details->toPlainText().contains(hostile)); // the note and the past incident, as typed
        QVERIFY(expectPlainText(view) >= 0);
    }

    void stepNamesAndTheProcedureShowAsTyped()
    {
        TempLibrary lib;
        ValueStream stream = sampleProcess();
        stream.name = hostile;
        stream.purpose = hostile;
        stream.steps[0].name = hostile;
        stream.steps[0].ownerRole = hostile;
        // A real image on disk, named by the procedure twice: as HTML and as markdown.
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QString png = lib.file(QStringLiteral("x.png"));
        QVERIFY(image.save(png));
        stream.steps[0].throughput = QStringLiteral("1. Build\n\n<img src=\"%1\">\n\n").arg(png) + hostile +
                                     QStringLiteral("\n\n![](%1)").arg(png);
        stream.steps[0].inputs.append(Port{{}, hostile, hostile});
        stream.steps[0].checks[0].statement = hostile;
        stream.steps[0].checks[0].guardsAgainst = hostile;
        QVERIFY(importProcess(*lib, stream).ok());
        const QString buildId = loadDraft(*lib, QStringLiteral("release"))->steps.at(0).id;
        auto document = openAsDocument(lib);

        LibraryView view;
        view.resize(1200, 800);
        view.setDocument(document.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.selectRecord(QStringLiteral("step"), buildId));
        auto* preview = view.findChild<QTextBrowser*>(QStringLiteral("procedurePreview"));
        QVERIFY(preview);
        QVERIFY2(preview->toPlainText().contains(hostile), qPrintable(preview->toPlainText()));
        // Nothing is loaded from disk for the preview: neither the document's resource nor the pixels
        // on screen are the file's red image.
        for (const QUrl& url : {QUrl(png), QUrl::fromLocalFile(png)}) {
            const QVariant shown = preview->document()->resource(QTextDocument::ImageResource, url);
            QVERIFY(shown.toByteArray().isEmpty());
            QVERIFY(qvariant_cast<QImage>(shown).size() != image.size());
        }
        // The whole procedure drawn, not only the part the panel scrolls to.
        QImage screen(preview->document()->size().toSize(), QImage::Format_ARGB32);
        screen.fill(Qt::white);
        {
            QPainter painter(&screen);
            preview->document()->drawContents(&painter);
        }
        int redPixels = 0;
        for (int y = 0; y < screen.height(); ++y)
            for (int x = 0; x < screen.width(); ++x)
                redPixels += screen.pixelColor(x, y) == QColor(Qt::red) ? 1 : 0;
        QCOMPARE(redPixels, 0);
        QVERIFY(expectPlainText(view) >= 0);
        QVERIFY(!QTest::currentTestFailed());
    }

    void messageBoxesQuotingUserTextArePlain()
    {
        Qt::TextFormat format = Qt::AutoText;
        QString shown;
        QTimer::singleShot(0, qApp, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            format = box->textFormat();
            shown = box->text();
            box->accept();
        });
        plainMessage(nullptr, QMessageBox::Warning, QStringLiteral("Refused"), hostile);
        QCOMPARE(shown, hostile);
        QCOMPARE(format, Qt::PlainText);
        QCOMPARE(plainToolTip(QStringLiteral("a < b\nc")),
                 QStringLiteral("<p style=\"white-space:pre-wrap\">a &lt; b\nc</p>"));
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
