<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>FindPanel</name>
    <message numerus="yes">
        <location filename="../../ui/reader/find.py" line="113" />
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
</context>
<context>
    <name>IOController</name>
    <message numerus="yes">
        <location filename="../../ui/io/io_controller.py" line="323" />
        <source>Exported %1 of %n document(s).</source>
        <translation><numerusform>Exported %1 of %n document.</numerusform><numerusform>Exported %1 of %n documents.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/io/io_controller.py" line="329" />
        <source>%n document(s) not exported (status %1).</source>
        <translation><numerusform>%n document not exported (status %1).</numerusform><numerusform>%n documents not exported (status %1).</numerusform></translation>
    </message>
</context>
</TS>