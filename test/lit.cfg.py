# lit configuration shared by every suite under test/.
import os
import shutil
import lit.formats

config.name = "asap"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ll", ".c", ".cpp", ".test"]
config.excludes = ["Inputs", "unit", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.asap_obj_root, "test")

# Tools from LLVM 16 first, then ours.
config.environment["PATH"] = os.pathsep.join(
    [config.asap_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR", "LANG", "LC_ALL"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

plugin = os.path.join(config.asap_lib_dir, "ASAPPlugin.so")
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%opt", os.path.join(config.llvm_tools_dir, "opt") + " -load-pass-plugin=" + plugin))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%asapc", os.path.join(config.asap_bin_dir, "asapc")))
config.substitutions.append(("%asap-pack", os.path.join(config.asap_bin_dir, "asap-pack")))
config.substitutions.append(("%rtlib", config.asap_lib_dir))
config.substitutions.append(("%examples", os.path.join(config.asap_src_root, "examples")))
config.substitutions.append(("%srcroot", config.asap_src_root))
config.substitutions.append(("%valgrind", "valgrind -q --leak-check=full --error-exitcode=1"))

if shutil.which("valgrind"):
    config.available_features.add("valgrind")
