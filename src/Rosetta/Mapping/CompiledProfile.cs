using System.Text;
using Rosetta.Json;
using Rosetta.Schema.Profiles;

namespace Rosetta.Mapping;

/// <summary>
/// An <see cref="OutputProfile"/> bound to a <see cref="RecordLayout"/>: a tree of target objects whose leaves
/// read values by ordinal. Writes one record's standard values in the profile's shape; empty objects are left out.
/// </summary>
internal sealed class CompiledProfile
{
    private readonly ProfileNode _root;
    private readonly int _processSide;
    private readonly byte[][]? _flatNames;

    private CompiledProfile(ProfileNode root, int processSide, byte[][]? flatNames)
    {
        _root = root;
        _processSide = processSide;
        _flatNames = flatNames;
    }

    public static CompiledProfile Compile(OutputProfile profile, RecordLayout layout)
    {
        var root = new ProfileNode("");
        var expressed = new HashSet<int>();
        if (profile.Identity)
        {
            for (var ordinal = 0; ordinal < layout.Names.Count; ordinal++)
            {
                root.Child(layout.Names[ordinal]).Leaf = new ProfileLeaf { Ordinal = ordinal };
                expressed.Add(ordinal);
            }
        }

        foreach (var field in profile.Fields)
        {
            var ordinal = layout.OrdinalOf(field.StandardName);
            expressed.Add(ordinal);
            var side = field.DstPath is null ? ProfileSide.Any : ProfileSide.Source;
            root.At(field.Path).Leaf = ProfileLeaf.For(field, ordinal, side);
            if (field.DstPath is { } dstPath)
            {
                root.At(dstPath).Leaf = ProfileLeaf.For(field, ordinal, ProfileSide.Destination);
            }
        }

        foreach (var constant in profile.Constants)
        {
            root.At(constant.Path).Leaf = new ProfileLeaf { Ordinal = -1, Constant = Encoding.UTF8.GetBytes(constant.Json) };
        }

        if (profile.Unmapped is { } unmapped)
        {
            var others = root.Child(unmapped);
            for (var ordinal = 0; ordinal < layout.Names.Count; ordinal++)
            {
                if (!expressed.Contains(ordinal))
                {
                    others.Child(layout.Names[ordinal]).Leaf = new ProfileLeaf { Ordinal = ordinal };
                }
            }
        }

        root.Freeze();

        // The default profile writes every value flat under its own name, in layout order: it visits only the values the record has.
        var flat = profile.Identity && profile.Fields.Count == 0 && profile.Constants.Count == 0 && profile.Unmapped is null
            ? layout.Names.Select(n => Encoding.UTF8.GetBytes(EngineJson.Quote(n) + ":")).ToArray()
            : null;
        return new CompiledProfile(root, layout.OrdinalOf("process_side"), flat);
    }

    /// <summary>Writes the record's values as members of the object <paramref name="output"/> has open.</summary>
    public void Write(FieldValues values, JsonBuffer output)
    {
        if (_flatNames is not null)
        {
            foreach (var ordinal in values.Present)
            {
                output.Member(_flatNames[ordinal], values.Json(ordinal));
            }

            return;
        }

        var side = values.Has(_processSide) && values.Text(_processSide).SequenceEqual("dst"u8) ? ProfileSide.Destination : ProfileSide.Source;
        foreach (var child in _root.Children)
        {
            Write(child, values, output, side);
        }
    }

    private static bool Write(ProfileNode node, FieldValues values, JsonBuffer output, ProfileSide side)
    {
        if (node.Leaf is { } leaf)
        {
            return leaf.Write(node.Name, values, output, side);
        }

        var mark = output.Mark();
        output.Name(node.Name);
        output.StartObject();
        var wrote = false;
        foreach (var child in node.Children)
        {
            wrote |= Write(child, values, output, side);
        }

        if (wrote)
        {
            output.EndObject();
        }
        else
        {
            output.Rollback(mark);
        }

        return wrote;
    }

    /// <summary>One target name: a value (<see cref="Leaf"/>) or an object of children.</summary>
    private sealed class ProfileNode(string name)
    {
        private readonly List<ProfileNode> _children = [];

        public string Text { get; } = name;

        /// <summary><c>"name":</c> as UTF-8.</summary>
        public byte[] Name { get; } = Encoding.UTF8.GetBytes(EngineJson.Quote(name) + ":");

        public ProfileLeaf? Leaf { get; set; }

        public ProfileNode[] Children { get; private set; } = [];

        public ProfileNode Child(string name)
        {
            var child = _children.Find(c => c.Text == name);
            if (child is null)
            {
                child = new ProfileNode(name);
                _children.Add(child);
            }

            return child;
        }

        public ProfileNode At(string path) => path.Split('.').Aggregate(this, (node, part) => node.Child(part));

        public void Freeze()
        {
            Children = [.. _children];
            foreach (var child in Children)
            {
                child.Freeze();
            }
        }
    }
}
