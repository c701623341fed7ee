namespace Rosetta.Storage.Hunting;

/// <summary>A value a saved hunt takes.</summary>
/// <param name="Name">Its name, <c>:NAME</c> in the SQL.</param>
/// <param name="Default">The value used unless <c>--param</c> gives another.</param>
/// <param name="Meaning">What it controls.</param>
public sealed record HuntParameter(string Name, string Default, string Meaning);
