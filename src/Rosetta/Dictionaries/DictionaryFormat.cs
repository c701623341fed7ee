namespace Rosetta.Dictionaries;

/// <summary>The two ways OSSEM writes data dictionaries.</summary>
public enum DictionaryFormat
{
    /// <summary>OSSEM markdown (2019): YAML front matter and pipe tables, the seeds' format.</summary>
    Markdown,

    /// <summary>OSSEM-DD YAML: <c>event_fields</c> with <c>standard_name</c>, <c>name</c>, <c>type</c>.</summary>
    Yaml,
}
