namespace Rosetta.Mapping;

/// <summary>
/// The member names each object of the path trie held the last time one was read, in order, with the child each
/// name found. Vendors write their keys in the same order record after record, so <see cref="JsonSlotScanner"/>
/// first checks whether the next name is the one remembered at its place: then it neither searches for the name's
/// end nor looks it up. A different name takes that place. One per thread, like the slots: the trie is shared.
/// </summary>
internal sealed class KeyOrder(int nodeCount)
{
    private readonly Line?[] _lines = new Line?[nodeCount];

    /// <summary>The names last read in the object at <paramref name="node"/>.</summary>
    public Line Of(PathNode node) => _lines[node.Id] ??= new Line();

    internal sealed class Line
    {
        private Key[] _keys = new Key[8];

        /// <summary>The name remembered at <paramref name="index"/> followed by its closing quote; empty when none.</summary>
        public ReadOnlySpan<byte> Expected(int index) =>
            index < _keys.Length && _keys[index].Quoted is { } quoted ? quoted.AsSpan(0, _keys[index].Length) : default;

        /// <summary>The child of <paramref name="node"/> the expected name at <paramref name="index"/> finds, looked up the first time it is asked.</summary>
        public PathNode? Child(int index, PathNode node, ReadOnlySpan<byte> name)
        {
            ref var key = ref _keys[index];
            if (!key.Found)
            {
                key.Child = node.Find(name);
                key.Found = true;
            }

            return key.Child;
        }

        /// <summary>
        /// Puts <paramref name="name"/> (unescaped: an escaped name is never remembered) at <paramref name="index"/>,
        /// with its <paramref name="child"/> when <paramref name="found"/>.
        /// </summary>
        public void Remember(int index, ReadOnlySpan<byte> name, PathNode? child, bool found)
        {
            if (index >= _keys.Length)
            {
                Array.Resize(ref _keys, Math.Max(_keys.Length * 2, index + 1));
            }

            ref var key = ref _keys[index];
            if (key.Quoted is null || key.Quoted.Length <= name.Length)
            {
                key.Quoted = new byte[Math.Max(16, name.Length + 1)];
            }

            name.CopyTo(key.Quoted);
            key.Quoted[name.Length] = (byte)'"';
            key.Length = name.Length + 1;
            key.Child = child;
            key.Found = found;
        }

        private struct Key
        {
            public byte[]? Quoted;
            public int Length;
            public PathNode? Child;
            public bool Found;
        }
    }
}
