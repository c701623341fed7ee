# What every bench script shares (sourced from the repository root): the data folder, a Release build of the CLI
# ($rosetta, run by `dotnet`, JIT with tiered PGO), and the median of numbers on standard input. Scripts that
# compare builds call publish_aot for the Native AOT binary ($rosetta_aot, what README's Publish section makes).
shared=../shared/bench
data=.bench
mkdir -p "$data"
dotnet build src/Rosetta.Cli -c Release --nologo -v quiet >/dev/null
rosetta="dotnet src/Rosetta.Cli/bin/Release/net10.0/rosetta.dll"
rosetta_aot="$data/aot/rosetta"
publish_aot() { dotnet publish src/Rosetta.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$data/aot" --nologo -v quiet >/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
