# What every bench script shares (sourced from the repository root): the data folder, a Release build of the CLI,
# and the median of numbers on standard input.
shared=../shared/bench
data=.bench
mkdir -p "$data"
dotnet build src/Rosetta.Cli -c Release --nologo -v quiet >/dev/null
rosetta="dotnet src/Rosetta.Cli/bin/Release/net10.0/rosetta.dll"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
