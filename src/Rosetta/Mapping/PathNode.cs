using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Rosetta.Mapping;

/// <summary>
/// One level of the vendor-path trie shared by every plan. A dotted path (<c>tcpv4.sourceAddress.address</c>) is
/// found whether the record nests it or writes it as one flat key (<c>src.ip.address</c>).
/// </summary>
internal sealed class PathNode
{
    private const int Buckets = 256;
    private byte[][] _keys = [];
    private PathNode[] _children = [];
    private int[][]? _index;
    private ulong[] _prefixes = [];
    private readonly ulong[] _nestedFirstBytes = new ulong[4];

    /// <summary>The slot of the value at this path, or -1 when no plan reads it.</summary>
    public int Slot { get; set; } = -1;

    public bool HasChildren => _children.Length > 0;

    public PathNode GetOrAdd(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i].AsSpan().SequenceEqual(bytes))
            {
                return _children[i];
            }
        }

        var child = new PathNode();
        _keys = [.. _keys, bytes];
        _children = [.. _children, child];
        _index = null;
        return child;
    }

    /// <summary>This node's number, from 0 at the root, once frozen.</summary>
    public int Id { get; private set; }

    /// <summary>
    /// Builds the lookup index of this node and every node below and numbers them; call once, after the last
    /// <see cref="GetOrAdd"/>. Returns how many nodes there are.
    /// </summary>
    public int Freeze()
    {
        var count = 0;
        Freeze(ref count);
        return count;
    }

    private void Freeze(ref int count)
    {
        Id = count++;
        var buckets = new List<int>[Buckets];
        for (var i = 0; i < _keys.Length; i++)
        {
            (buckets[Hash(_keys[i])] ??= []).Add(i);
        }

        _index = [.. buckets.Select(b => b is null ? [] : b.ToArray())];
        _prefixes = [.. _keys.Select(key => Prefix(key))];
        Array.Clear(_nestedFirstBytes);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_children[i].HasChildren && _keys[i].Length > 0)
            {
                _nestedFirstBytes[_keys[i][0] >> 6] |= 1UL << _keys[i][0];
            }

            _children[i].Freeze(ref count);
        }
    }

    /// <summary>The child named by <paramref name="name"/> (unescaped UTF-8), walking dotted names; null if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathNode? Find(ReadOnlySpan<byte> name)
    {
        if (_children.Length == 0 || name.Length == 0)
        {
            return null;
        }

        var exact = Exact(name);
        return exact ?? (MayStartPath(name[0]) && name.IndexOf((byte)'.') >= 0 ? Dotted(name) : null);
    }

    /// <summary>False when no child whose key starts with <paramref name="first"/> has children: no dotted name starting so can be found.</summary>
    private bool MayStartPath(byte first) => (_nestedFirstBytes[first >> 6] & (1UL << first)) != 0;

    private PathNode? Exact(ReadOnlySpan<byte> name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var candidates = _index![Hash(name)];
        if (candidates.Length == 0)
        {
            return null;
        }

        // The first eight bytes compared as one number; the rest only for a long name that matches them.
        var prefix = Prefix(name);
        foreach (var candidate in candidates)
        {
            var key = _keys[candidate];
            if (_prefixes[candidate] == prefix && key.Length == name.Length && (name.Length <= 8 || name[8..].SequenceEqual(key.AsSpan(8))))
            {
                return _children[candidate];
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Prefix(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(key);
        }

        ulong prefix = 0;
        for (var i = 0; i < key.Length; i++)
        {
            prefix |= (ulong)key[i] << (8 * i);
        }

        return prefix;
    }

    private PathNode? Dotted(ReadOnlySpan<byte> name)
    {
        var node = this;
        while (node is not null)
        {
            var dot = name.IndexOf((byte)'.');
            if (dot < 0)
            {
                return node.Exact(name);
            }

            node = node._children.Length == 0 ? null : node.Exact(name[..dot]);
            name = name[(dot + 1)..];
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> key)
    {
        // Length and four bytes, mixed: vendors' names share prefixes (Initiating..., src.process...) and suffixes.
        var h = (uint)key.Length * 0x9E3779B1u;
        h = (h ^ key[0]) * 0x85EBCA6Bu;
        h = (h ^ key[^1]) * 0xC2B2AE35u;
        h = (h ^ key[key.Length >> 1]) * 0x27D4EB2Fu;
        h = (h ^ key[key.Length >> 2]) * 0x165667B1u;
        return (int)((h ^ (h >> 15)) & (Buckets - 1));
    }
}
