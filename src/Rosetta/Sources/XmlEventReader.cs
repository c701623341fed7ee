using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Rosetta.Sources;

/// <summary>
/// Reads Windows event XML: <c>&lt;Event&gt;</c> elements one after another (wevtutil, Get-WinEvent ToXml), or inside an
/// <c>&lt;Events&gt;</c> document (Event Viewer's "Save as XML"). Each event becomes one JSON record in the shape
/// evtx_dump writes (<c>{"Event":{"System":{...},"EventData":{"Name":"value"}}}</c>, attributes under
/// <c>#attributes</c>), so one dictionary reads both forms. A malformed event is a dead letter of its own; the next
/// one is read.
/// </summary>
internal sealed class XmlEventReader
{
    private static readonly byte[] Open = "<Event"u8.ToArray();
    private static readonly byte[] Close = "</Event>"u8.ToArray();
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IRecordConsumer _consumer;
    private readonly ArrayBufferWriter<byte> _json = new(4096);

    private XmlEventReader(IRecordConsumer consumer) => _consumer = consumer;

    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 16)
    {
        var reader = new XmlEventReader(consumer);
        long line = 1;
        StreamWindow.Read(stream, bufferSize, (window, done) => reader.Next(window, done, ref line));
    }

    /// <summary>Handles the next event or the text before it; returns the bytes used, 0 when it needs more input.</summary>
    private int Next(ReadOnlySpan<byte> text, bool done, ref long line)
    {
        var open = FindOpen(text);
        var before = open < 0 ? (done ? text : []) : text[..open];
        if (!before.IsEmpty)
        {
            if (!IsPrologue(before))
            {
                _consumer.Malformed(before.Trim(" \t\r\n"u8), line + Lines(before[..Leading(before)]), "text outside any <Event> element");
            }

            line += Lines(before);
            return before.Length;
        }

        if (open < 0)
        {
            return 0;
        }

        var close = text.IndexOf(Close);
        if (close < 0)
        {
            if (done)
            {
                _consumer.Malformed(text, line, "an <Event> element that never closes (the input is cut short)");
                line += Lines(text);
                return text.Length;
            }

            return 0;
        }

        var element = text[..(close + Close.Length)];
        Event(element, line);
        line += Lines(element);
        return element.Length;
    }

    private void Event(ReadOnlySpan<byte> element, long line)
    {
        XElement root;
        try
        {
            root = XElement.Parse(Encoding.UTF8.GetString(element), LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            _consumer.Malformed(element, line + e.LineNumber - 1, "malformed XML: " + e.Message);
            return;
        }

        _json.Clear();
        using (var writer = new Utf8JsonWriter(_json, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(root.Name.LocalName);
            Write(root, writer);
            writer.WriteEndObject();
        }

        _consumer.Json(_json.WrittenSpan, line);
    }

    /// <summary>An element as evtx_dump writes it: text, null, or an object of attributes, children and text.</summary>
    private static void Write(XElement element, Utf8JsonWriter writer)
    {
        var attributes = element.Attributes().ToList();
        var children = element.Elements().ToList();
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
        if (attributes.Count == 0 && children.Count == 0)
        {
            if (text.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(text);
            }

            return;
        }

        writer.WriteStartObject();
        if (attributes.Count > 0)
        {
            writer.WriteStartObject("#attributes");
            foreach (var attribute in attributes)
            {
                writer.WriteString(attribute.IsNamespaceDeclaration ? "xmlns" : attribute.Name.LocalName, attribute.Value);
            }

            writer.WriteEndObject();
        }

        foreach (var group in children.GroupBy(MemberName))
        {
            writer.WritePropertyName(group.Key);
            if (group.Count() == 1)
            {
                WriteNamed(group.First(), writer);
                continue;
            }

            writer.WriteStartArray();
            foreach (var child in group)
            {
                WriteNamed(child, writer);
            }

            writer.WriteEndArray();
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            writer.WriteString("#text", text);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>&lt;Data Name="X"&gt;</c> is the member X; its Name is not repeated under #attributes.</summary>
    private static void WriteNamed(XElement child, Utf8JsonWriter writer)
    {
        if (IsNamedData(child))
        {
            var value = child.Value;
            if (value.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }

            return;
        }

        Write(child, writer);
    }

    private static string MemberName(XElement child) => IsNamedData(child) ? child.Attribute("Name")!.Value : child.Name.LocalName;

    private static bool IsNamedData(XElement element) =>
        element.Name.LocalName == "Data" && element.Attribute("Name") is { } name && name.Value.Length > 0
        && !element.HasElements && element.Attributes().Count() == 1;

    /// <summary>The first <c>&lt;Event</c> that opens an element named Event (not EventData or EventID).</summary>
    private static int FindOpen(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOf(Open);
            if (at < 0)
            {
                return -1;
            }

            var next = offset + at + Open.Length;
            if (next >= text.Length)
            {
                return -1; // cannot tell yet
            }

            if (text[next] is (byte)' ' or (byte)'>' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/')
            {
                return offset + at;
            }

            offset = next;
        }
    }

    /// <summary>Whitespace, the XML declaration, comments and the &lt;Events&gt; wrapper: nothing to read.</summary>
    private static bool IsPrologue(ReadOnlySpan<byte> text)
    {
        var rest = text.Trim(" \t\r\n"u8);
        if (rest.StartsWith(LineReader.Utf8Bom))
        {
            rest = rest[LineReader.Utf8Bom.Length..].TrimStart(" \t\r\n"u8);
        }

        while (!rest.IsEmpty)
        {
            int end;
            if (rest.StartsWith("<?"u8))
            {
                end = rest.IndexOf("?>"u8) + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                end = rest.IndexOf("-->"u8) + 3;
            }
            else if (rest.StartsWith("<Events"u8) || rest.StartsWith("</Events"u8))
            {
                end = rest.IndexOf((byte)'>') + 1;
            }
            else
            {
                return false;
            }

            if (end <= 0)
            {
                return false;
            }

            rest = rest[end..].TrimStart(" \t\r\n"u8);
        }

        return true;
    }

    private static int Leading(ReadOnlySpan<byte> text) => text.Length - text.TrimStart(" \t\r\n"u8).Length;

    private static int Lines(ReadOnlySpan<byte> text) => text.Count((byte)'\n');
}
