using System.Runtime.CompilerServices;

namespace Rosetta.Mapping;

/// <summary>
/// The member names each object of the path trie held the last time one was read, in order, with the child each
/// name found, and the runs of null members as written; an object below the trie (walked for the vendor leftovers)
/// is remembered by its place in the one above. Vendors write their keys in the same order record after record (S1
/// writes dozens of nulls), so <see cref="JsonSlotScanner"/> first checks whether what comes next is what the last
/// record had at its place: then a run of nulls is passed in one compare, and a name is neither searched for nor
/// looked up. Anything else takes that place. One per thread, like the slots: the trie is shared.
/// </summary>
internal sealed class KeyOrder(int nodeCount)
{
    /// <summary>How many members of an object are remembered: an object with more is rare, and need not cost memory.</summary>
    public const int MaxPlaces = 1024;

    private readonly Line?[] _lines = new Line?[nodeCount];

    /// <summary>What was last read in the object at <paramref name="node"/>.</summary>
    public Line Of(PathNode node) => _lines[node.Id] ??= new Line();

    internal sealed class Line
    {
        private Key[] _keys = new Key[8];
        private Nulls[] _nulls = new Nulls[8];
        private Line?[] _below = [];

        /// <summary>The name remembered at <paramref name="index"/> followed by its closing quote; empty when none.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> Expected(int index) =>
            index < _keys.Length && _keys[index].Quoted is { } quoted ? quoted.AsSpan(0, _keys[index].Length) : default;

        /// <summary>
        /// The null members remembered from <paramref name="index"/> on, as written, each with its comma and the
        /// whitespace after it; empty when none. <paramref name="count"/> is how many members they are.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> NullsAt(int index, out int count)
        {
            if (index < _nulls.Length && _nulls[index].Members is { } members)
            {
                count = _nulls[index].Count;
                return members.AsSpan(0, _nulls[index].Length);
            }

            count = 0;
            return default;
        }

        /// <summary>What was read in the object at <paramref name="index"/> of this one, below the trie (no node to keep it by); null past <see cref="MaxPlaces"/>.</summary>
        public Line? Below(int index)
        {
            if (index >= MaxPlaces)
            {
                return null;
            }

            Grow(ref _below, index);
            return _below[index] ??= new Line();
        }

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
            if (index >= MaxPlaces)
            {
                return;
            }

            Grow(ref _keys, index);
            ref var key = ref _keys[index];
            key.Quoted = Fit(key.Quoted, name.Length + 1);
            name.CopyTo(key.Quoted);
            key.Quoted[name.Length] = (byte)'"';
            key.Length = name.Length + 1;
            key.Child = child;
            key.Found = found;
        }

        /// <summary>Puts <paramref name="count"/> null members, as written from a name's quote to the next one's, at <paramref name="index"/>.</summary>
        public void RememberNulls(int index, ReadOnlySpan<byte> members, int count)
        {
            if (index >= MaxPlaces)
            {
                return;
            }

            Grow(ref _nulls, index);
            ref var nulls = ref _nulls[index];
            nulls.Members = Fit(nulls.Members, members.Length);
            members.CopyTo(nulls.Members);
            nulls.Length = members.Length;
            nulls.Count = count;
        }

        private static void Grow<T>(ref T[] items, int index)
        {
            if (index >= items.Length)
            {
                Array.Resize(ref items, Math.Max(Math.Max(items.Length * 2, 8), index + 1));
            }
        }

        private static byte[] Fit(byte[]? buffer, int length) =>
            buffer is not null && buffer.Length >= length ? buffer : new byte[Math.Max(16, length)];

        private struct Key
        {
            public byte[]? Quoted;
            public int Length;
            public PathNode? Child;
            public bool Found;
        }

        private struct Nulls
        {
            public byte[]? Members;
            public int Length;
            public int Count;
        }
    }
}
